import "server-only";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/security/client-address";
import { skipReason } from "./counting-rules";
import type { CountableRequest } from "./page-view-hook";
import { recordDownload, recordView } from "./record";
import { visitorHash } from "./visitor";

function visitorOf(request: CountableRequest) {
  return visitorHash(env().AUTH_SECRET, clientAddress(request.headers), request.headers.get("user-agent") ?? "");
}

/** Records a view of a publication page if COUNTER's rules say a person asked for it. */
export async function countView(request: CountableRequest, publicationId: number) {
  const e = env();
  if (!e.VIEW_COUNTING || skipReason(request, { countStaff: e.COUNT_STAFF_VIEWS })) return;
  await recordView(publicationId, visitorOf(request));
}

/** Records a download; called only once a file is actually being served. */
export async function countDownload(request: CountableRequest, publicationId: number, attachmentId: number) {
  const e = env();
  if (!e.VIEW_COUNTING || skipReason(request, { countStaff: e.COUNT_STAFF_VIEWS })) return;
  await recordDownload(publicationId, attachmentId, visitorOf(request));
}
