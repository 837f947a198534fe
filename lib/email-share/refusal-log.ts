import "server-only";
import { discardEmailShareClaim, finishEmailShare, logEmailShare, releaseEmailShareClaim } from "@/lib/data/email-shares";
import type { Language } from "@/lib/generated/prisma/client";
import { consumeLimit } from "@/lib/rate-limit";

/** Refusals written per client and hour; past that a flood would only fill the log, so it is sampled instead. */
export const REFUSAL_LOG_PER_HOUR = 20;
/** Noted on the last row written for a client within the hour. */
export const REFUSALS_SUPPRESSED = "further refusals from this client are not logged this hour";

// One point more than the allowance: the extra one writes the row that says the rest are dropped.
const rule = { name: "email-refusal-log", points: REFUSAL_LOG_PER_HOUR + 1, durationSeconds: 3600 };

type Refusal = {
  publicationId: number | null;
  locale: Language;
  clientHash: string;
  recipientHash: string;
  outcome: "rejected" | "rate_limited";
  error: string;
};

/** What to write for this client's next refusal: the reason, the note that the rest are dropped, or nothing. */
async function refusalEntry(clientHash: string, error: string): Promise<string | null> {
  const spent = await consumeLimit(rule, clientHash);
  if (!spent.ok) return null;
  return spent.used > REFUSAL_LOG_PER_HOUR ? `${error}; ${REFUSALS_SUPPRESSED}` : error;
}

/** Logs a refused attempt, unless this client has already had its hour's share of refusal rows. */
export async function logRefusal(refusal: Refusal) {
  const error = await refusalEntry(refusal.clientHash, refusal.error);
  if (error !== null) await logEmailShare({ ...refusal, error });
}

/** Closes a claimed submission that was refused after all (a rate limit), within the same allowance. */
export async function finishRefusedClaim(claimId: bigint, clientHash: string, outcome: Refusal["outcome"], reason: string) {
  const error = await refusalEntry(clientHash, reason);
  if (error === null) return discardEmailShareClaim(claimId);
  await finishEmailShare(claimId, outcome, error);
  await releaseEmailShareClaim(claimId);
}
