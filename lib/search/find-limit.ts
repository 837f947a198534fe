import "server-only";
import { consumeLimit, type LimitResult, type LimitRule } from "@/lib/rate-limit";
import { keyedHash } from "@/lib/security/keyed-hash";

/**
 * "Search in this paper" reads the paper's whole text, PDFs included, for
 * each query: a reader types a few, a script that sprays thousands is held
 * back. Per client (as the edge names it), kept in PostgreSQL so every
 * instance counts together.
 */
export const FIND_CLIENT_RULE: LimitRule = { name: "find-in-paper", points: 60, durationSeconds: 60 };

/** Spends one in-paper search of this client. */
export function spendFindInPaper(client: string): Promise<LimitResult> {
  return consumeLimit(FIND_CLIENT_RULE, keyedHash("find:client", client));
}
