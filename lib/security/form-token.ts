import "server-only";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

const MAX_AGE_MS = 2 * 60 * 60 * 1000;

export type FormToken = { issuedAt: number; submissionId: string };

function sign(purpose: string, subject: string, issuedAt: number, submissionId: string) {
  return createHmac("sha256", env().AUTH_SECRET).update(`${purpose}|${subject}|${issuedAt}|${submissionId}`).digest("base64url");
}

/**
 * A signed ticket handed out when a form opens. It carries when the form was
 * opened (for the minimum fill time) and a submission id (so a resubmitted
 * form is recognised), and cannot be forged or moved to another subject.
 */
export function issueFormToken(purpose: string, subject: string, now = Date.now()): string {
  const submissionId = randomUUID();
  return `${now}.${submissionId}.${sign(purpose, subject, now, submissionId)}`;
}

export function verifyFormToken(token: string, purpose: string, subject: string, now = Date.now()): FormToken | null {
  const [issued, submissionId, signature] = token.split(".");
  const issuedAt = Number(issued);
  if (!submissionId || !signature || !Number.isSafeInteger(issuedAt)) return null;
  const expected = Buffer.from(sign(purpose, subject, issuedAt, submissionId));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (issuedAt > now + 60_000 || now - issuedAt > MAX_AGE_MS) return null;
  return { issuedAt, submissionId };
}
