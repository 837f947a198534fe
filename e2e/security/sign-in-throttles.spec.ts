// Guessing passwords and asking for sign-in links, as a script would, against the main e2e server.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../support/e2e-env";
import { mailsTo } from "../support/mail";
import { Client } from "./support/client";
import { auditCount, createStaff, signInLink } from "./support/fixtures";

const BASE = `http://127.0.0.1:${E2E_PORT}`;
const ALLOWANCE = 5; // wrong passwords per account per 15 minutes (lib/auth/login-throttle.ts)

test("60 parallel wrong passwords verify at most the allowance, and lock the account even for its owner", async () => {
  // Arrange
  const staff = await createStaff("guessed");
  const attacker = new Client("127.0.0.31");
  await attacker.csrfToken(BASE);

  // Act
  const guesses = await Promise.all(
    Array.from({ length: 60 }, (_, i) => attacker.signInWithPassword(BASE, staff.email, `wrong-${i}`)),
  );
  const owner = await new Client("127.0.0.32").signInWithPassword(BASE, staff.email, staff.password);

  // Assert: each password the server actually checked left an audit row; the right one, from elsewhere, is locked out too.
  expect(guesses.every((g) => g.location.includes("error="))).toBe(true);
  const verified = await auditCount("sign-in-failed", staff.id);
  expect(verified).toBeGreaterThan(0);
  expect(verified).toBeLessThanOrEqual(ALLOWANCE);
  expect(owner.location).toContain("code=locked");
});

test("an owner locked out signs in with a link by email, the documented way back in, which lifts the lock", async () => {
  // Arrange: the account locked by more wrong passwords than the allowance.
  const staff = await createStaff("locked");
  const attacker = new Client("127.0.0.34");
  for (let i = 0; i <= ALLOWANCE; i++) await attacker.signInWithPassword(BASE, staff.email, `wrong-${i}`);
  const owner = new Client("127.0.0.35");
  expect((await owner.signInWithPassword(BASE, staff.email, staff.password)).location).toContain("code=locked");

  // Act: the owner asks for a link and opens the one mailed.
  await owner.askForLink(BASE, staff.email);
  await expect.poll(async () => (await mailsTo(staff.email)).length).toBe(1);
  const link = new URL(signInLink((await mailsTo(staff.email))[0]!.text)!);
  const opened = await owner.send(`${BASE}${link.pathname}${link.search}`);

  // Assert: signed in, and the password works again.
  expect(String(opened.headers.location)).toMatch(/\/en\/admin$/);
  const again = await new Client("127.0.0.35").signInWithPassword(BASE, staff.email, staff.password);
  expect(again.location).toMatch(/\/en\/admin$/);
});

test("a sign-in link is asked for with the same answer for staff and strangers, and mailed to staff only", async () => {
  const staff = await createStaff("link");
  const stranger = `stranger-${randomUUID()}@perspectives.test`;
  const client = new Client("127.0.0.33");
  const forStaff = await client.askForLink(BASE, staff.email);
  const forStranger = await client.askForLink(BASE, stranger);
  expect([forStranger.status, forStranger.location]).toEqual([forStaff.status, forStaff.location]);
  expect(forStaff.location).toContain("/verify-request");
  await expect.poll(async () => (await mailsTo(staff.email)).length).toBe(1);
  expect(await mailsTo(stranger)).toHaveLength(0);
});

test("one address gets at most five sign-in links in 15 minutes, from any number of clients", async () => {
  const staff = await createStaff("flooded");
  for (let i = 0; i < 5; i++) {
    const asked = await new Client(`127.0.1.${i + 1}`).askForLink(BASE, staff.email);
    expect(asked.location).not.toContain("error=");
  }
  const refused = await new Client("127.0.1.9").askForLink(BASE, staff.email);
  expect(refused.location).toContain("error=TooManyLinks");
  await expect.poll(async () => (await mailsTo(staff.email)).length).toBe(5);
});
