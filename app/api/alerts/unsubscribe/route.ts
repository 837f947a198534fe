import { readAlertToken } from "@/lib/alerts/tokens";
import { unsubscribeAlerts } from "@/lib/data/alerts";
import { env } from "@/lib/env";
import { localeOrDefault } from "@/lib/i18n/routing";

// The List-Unsubscribe target of every alert mail (RFC 8058). A mail program
// POSTs `List-Unsubscribe=One-Click` with no cookie and no page around it;
// the signed token in the address is the whole authority. A GET (a person,
// or a scanner following links) changes nothing: it leads to the manage page.

export const dynamic = "force-dynamic";

const plain = (status: number, text: string) =>
  new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function POST(request: Request) {
  const url = new URL(request.url);
  const id = readAlertToken("manage", url.searchParams.get("token"));
  if (!id) return plain(400, "This unsubscribe link is not valid.");
  // RFC 8058 requires this body; mail programs send it, and nothing else should post here.
  const body = await request.text().catch(() => "");
  if (!new URLSearchParams(body.slice(0, 1000)).getAll("List-Unsubscribe").includes("One-Click")) {
    return plain(400, "Send List-Unsubscribe=One-Click to unsubscribe.");
  }
  // Already erased: nothing is sent to it any more, which is what was asked.
  await unsubscribeAlerts(id);
  return plain(200, "Unsubscribed: no more alerts will be sent to this address.");
}

export function GET(request: Request) {
  const url = new URL(request.url);
  const locale = localeOrDefault(url.searchParams.get("locale"));
  const token = url.searchParams.get("token") ?? "";
  return Response.redirect(`${env().APP_URL}/${locale}/alerts/manage?token=${encodeURIComponent(token)}`, 303);
}
