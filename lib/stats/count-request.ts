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

// Both run on the request path and return nothing to wait for: the event joins
// a buffer whose writes report their own failures (record.ts). Not async on
// purpose: a promise per page view is measurable at thousands of views a second.
// Never throw either: a view that cannot be recorded is logged, and the reader
// still gets the page or the file.

function record(what: "view" | "download", request: CountableRequest, write: (visitor: string) => void) {
  try {
    const e = env();
    if (!e.VIEW_COUNTING || skipReason(request, { countStaff: e.COUNT_STAFF_VIEWS })) return;
    write(visitorOf(request));
  } catch (error) {
    console.error(`[stats] recording a ${what} failed:`, error);
  }
}

/** Records a view of a publication page if COUNTER's rules say a person asked for it. */
export function countView(request: CountableRequest, publicationId: number): void {
  record("view", request, (visitor) => void recordView(publicationId, visitor));
}

/** Records a download; called only once a file is actually being served. */
export function countDownload(request: CountableRequest, publicationId: number, attachmentId: number): void {
  record("download", request, (visitor) => void recordDownload(publicationId, attachmentId, visitor));
}
