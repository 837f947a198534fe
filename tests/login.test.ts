import { describe, expect, it } from "vitest";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { ACCOUNT_RULE, clearAccountLock } from "@/lib/auth/login-throttle";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { uid } from "./support/factories";

async function staff(password: string | null, extra: { deactivatedAt?: Date } = {}) {
  const email = `staff-${uid()}@login.test`;
  await db.user.create({
    data: { email, role: "EDITOR", passwordHash: password ? await hashPassword(password) : null, ...extra },
  });
  return email;
}

describe("password sign-in", () => {
  it("stores argon2id hashes and lets the right password in", async () => {
    const email = await staff("correct horse battery");
    const row = await db.user.findUniqueOrThrow({ where: { email } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await authenticateWithPassword(email, "correct horse battery", "192.0.2.10")).toMatchObject({
      ok: true,
      user: { email },
    });
    expect(await authenticateWithPassword(email.toUpperCase(), "correct horse battery", "192.0.2.10")).toMatchObject({
      ok: true,
    });
  });

  it("refuses wrong passwords, unknown, password-less and deactivated accounts alike", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    expect(await authenticateWithPassword(await staff("correct horse battery"), "wrong", ip)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticateWithPassword(`nobody-${uid()}@login.test`, "whatever", ip)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticateWithPassword(await staff(null), "", ip)).toEqual({ ok: false, reason: "invalid" });
    const gone = await staff("correct horse battery", { deactivatedAt: new Date() });
    expect(await authenticateWithPassword(gone, "correct horse battery", ip)).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows repeated failures down, then refuses the account for a while, even with the right password", async () => {
    const email = await staff("correct horse battery");
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      expect(await authenticateWithPassword(email, `guess-${i}`, `203.0.113.${i}`)).toEqual({ ok: false, reason: "invalid" });
      times.push(Date.now() - started);
    }
    expect(times[4]! - times[0]!).toBeGreaterThan(700); // each failure answers later than the one before
    const locked = await authenticateWithPassword(email, "correct horse battery", "203.0.113.100");
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    expect(locked.ok === false && locked.reason === "locked" && locked.retryAfterSeconds).toBeGreaterThan(600);
  }, 30_000);

  it("refuses a client that keeps failing across many accounts", async () => {
    const ip = `192.0.2.${200 + Math.floor(Math.random() * 50)}`;
    await Promise.all(Array.from({ length: 21 }, () => authenticateWithPassword(`spray-${uid()}@login.test`, "x", ip)));
    expect(await authenticateWithPassword(await staff("correct horse battery"), "correct horse battery", ip)).toMatchObject({
      ok: false,
      reason: "locked",
    });
  }, 60_000);

  it("verifies at most the account's allowance of 60 parallel guesses, then the lock lifts for its owner", async () => {
    const email = await staff("correct horse battery");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => authenticateWithPassword(email, `guess-${i}`, `198.18.${i}.1`)),
    );
    // Each password actually checked leaves one audit row: the allowance, not 60.
    const verified = await db.auditLog.count({ where: { action: "sign-in-failed", entityId: user.id } });
    expect(verified).toBe(ACCOUNT_RULE.points);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(60 - ACCOUNT_RULE.points);
    expect(await authenticateWithPassword(email, "correct horse battery", "198.18.200.1")).toMatchObject({ reason: "locked" });
    // What a sign-in by email link or single sign-on does (lib/auth/index.ts events.signIn).
    await clearAccountLock(email);
    expect(await authenticateWithPassword(email, "correct horse battery", "198.18.200.1")).toMatchObject({ ok: true });
  }, 60_000);

  it("does not count right passwords against a client: a whole office may sign in from one address", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 50)}`;
    const email = await staff("correct horse battery");
    for (let i = 0; i < 25; i++) {
      expect(await authenticateWithPassword(email, "correct horse battery", ip)).toMatchObject({ ok: true });
    }
  }, 60_000);
});
