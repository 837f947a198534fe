import "server-only";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/security/client-address";
import { skipReason, type CountableRequest } from "./counting-rules";
import { countingPaused } from "./counting-switch";
import { recordUse } from "./record";

/** A use of a paper: its page read, or one of its files downloaded. */
export type Use = { kind: "view"; publicationId: number } | { kind: "download"; publicationId: number; attachmentId: number };

/**
 * The one door into counting: views come through it from the portal's server
 * (through lib/edge/bridge.ts, as requests arrive), downloads from the file
 * route once a file is being served. COUNTER's rules decide whether a person
 * asked (counting-rules.ts); the visitor is the edge's client address and the
 * user agent, hashed with a secret (record.ts, visitor.ts).
 *
 * Runs on the request path and returns nothing to wait for: the event joins a
 * buffer whose writes report their own failures (record.ts). Not async on
 * purpose: a promise per page view is measurable at thousands of views a
 * second. Never throws either: a use that cannot be recorded is logged, and
 * the reader still gets the page or the file.
 */
export function countUse(request: CountableRequest, use: Use): void {
  try {
    const e = env();
    if (!e.VIEW_COUNTING || countingPaused() || skipReason(request, { countStaff: e.COUNT_STAFF_VIEWS })) return;
    // The visitor is hashed a moment later, with others (record.ts).
    recordUse({
      kind: use.kind,
      publicationId: use.publicationId,
      attachmentId: use.kind === "download" ? use.attachmentId : null,
      clientAddress: clientAddress(request.headers),
      userAgent: request.headers.get("user-agent") ?? "",
    });
  } catch (error) {
    console.error(`[stats] recording a ${use.kind} failed:`, error);
  }
}
