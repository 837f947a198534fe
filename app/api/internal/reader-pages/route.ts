import { isOwnRequest } from "@/lib/revalidation/other-instances";
import { dropCachedPages } from "@/lib/revalidation/reader-pages";
import { readerPagesChangesSchema } from "@/lib/validations/reader-pages-change";

export const dynamic = "force-dynamic";

/**
 * Another instance changed what these reader pages show: this instance drops
 * its copies. Only this process may ask (lib/revalidation/other-instances.ts);
 * to anyone else the route does not exist.
 */
export async function POST(request: Request) {
  if (!isOwnRequest(request.headers.get("authorization"))) return new Response("Not found", { status: 404 });
  const parsed = readerPagesChangesSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "Not a list of reader page changes." }, { status: 400 });
  for (const change of parsed.data) dropCachedPages(change);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
