import { DEFAULT_FAVICON } from "@/lib/site-settings/default-favicon";
import { bytesResponse, findSiteAsset, siteAssetResponse } from "@/lib/site-settings/serve";

// Where browsers look for an icon without being told: the uploaded favicon, or
// the portal's built-in one. Always an image, even while the database or the
// storage cannot be asked, so a tab never shows a broken icon.
export const dynamic = "force-dynamic";

// The built-in icon never changes within a running build.
const BUILT_IN = { ...DEFAULT_FAVICON, modifiedAt: new Date("2026-01-01T00:00:00Z") };

export async function GET(request: Request): Promise<Response> {
  return favicon(request, { body: true });
}

export async function HEAD(request: Request): Promise<Response> {
  return favicon(request, { body: false });
}

async function favicon(request: Request, { body }: { body: boolean }): Promise<Response> {
  try {
    const found = await findSiteAsset("favicon");
    if ("asset" in found) {
      const response = await siteAssetResponse(request, found.asset, { body });
      if (response.status < 500) return response;
    }
  } catch (error) {
    console.error("The uploaded favicon cannot be served; answering with the built-in one", error);
  }
  return bytesResponse(request, BUILT_IN, { body });
}
