// A client that reaches the portal directly (no proxy trusted: TRUST_PROXY
// unset, as the main e2e server runs) names itself in X-Forwarded-For in vain.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storedHits } from "../support/db";
import { E2E_PORT } from "../support/e2e-env";
import { Client } from "./support/client";
import { createPaper } from "../support/papers";
import { createStaff, viewEvents } from "./support/fixtures";

const BASE = `http://127.0.0.1:${E2E_PORT}`;

test("ten requests naming ten addresses in X-Forwarded-For are one visitor and add one hit; another address is another", async () => {
  const { id } = await createPaper();
  const client = new Client("127.0.0.11");
  for (let i = 0; i < 10; i++) {
    const page = await client.send(`${BASE}/en/publications/${id}`, { headers: { "x-forwarded-for": `203.0.113.${i}` } });
    expect(page.status).toBe(200);
  }
  // Every request was recorded (so counting works at all), each as the same visitor: the socket.
  await expect.poll(async () => (await viewEvents(id)).length).toBe(10);
  expect(new Set((await viewEvents(id)).map((e) => e.visitorHash)).size).toBe(1);
  await expect.poll(() => storedHits(id), { timeout: 20_000 }).toBe(1);
  // A reader at another address is another visitor: the socket's address is really read.
  await new Client("127.0.0.14").send(`${BASE}/en/publications/${id}`);
  await expect.poll(async () => new Set((await viewEvents(id)).map((e) => e.visitorHash)).size).toBe(2);
});

test("a client naming other addresses in X-Forwarded-For still runs out of password attempts", async () => {
  const client = new Client("127.0.0.12");
  const staff = await createStaff("xff-password");
  await client.csrfToken(BASE);
  // More wrong guesses than a client is allowed (20 per 15 minutes), on other accounts, each "from" elsewhere.
  const guesses = await Promise.all(
    Array.from({ length: 22 }, (_, i) =>
      client.signInWithPassword(BASE, `nobody-${i}-${randomUUID()}@perspectives.test`, "wrong", {
        "x-forwarded-for": `198.51.100.${i}`,
      }),
    ),
  );
  expect(guesses.every((g) => g.location.includes("error="))).toBe(true);
  const real = await client.signInWithPassword(BASE, staff.email, staff.password, { "x-forwarded-for": "192.0.2.77" });
  expect(real.location).toContain("code=locked");
});

test("a client naming other addresses in X-Forwarded-For still runs out of sign-in links", async () => {
  const client = new Client("127.0.0.13");
  await client.csrfToken(BASE);
  for (let i = 0; i < 10; i++) {
    const asked = await client.askForLink(BASE, `stranger-${i}-${randomUUID()}@example.org`, {
      "x-forwarded-for": `198.51.100.${i}`,
    });
    expect(asked.location).not.toContain("error=");
  }
  const refused = await client.askForLink(BASE, `stranger-${randomUUID()}@example.org`, { "x-forwarded-for": "192.0.2.1" });
  expect(refused.location).toContain("error=TooManyLinks");
});
