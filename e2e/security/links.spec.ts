// Every absolute URL comes from APP_URL: an instance on a public https
// address, reached directly with forged Host, X-Forwarded-Host and
// X-Forwarded-Proto headers, as a hostile client sends them.
import { expect, test } from "@playwright/test";
import { mailsTo } from "../support/mail";
import { Client, FORGED_HOST } from "./support/client";
import { createPaper } from "../support/papers";
import { createStaff, signInLink } from "./support/fixtures";
import { startInstance, type Instance } from "./support/instance";

const APP_URL = "https://perspectives.example.org";
let portal: Instance;

test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  portal = await startInstance({ APP_URL, AUTH_SECRET: "links-spec-secret-links-spec-secret-0001" });
});
test.afterAll(async () => {
  await portal?.stop();
});

/** Every absolute http(s) URL in a document. */
const absoluteUrls = (text: string) => [...text.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0].replace(/&amp;/g, "&"));

test("a sign-in link asked for with a forged Host points at APP_URL", async () => {
  const staff = await createStaff("forged-host");
  const asked = await new Client("127.0.0.41").askForLink(portal.origin, staff.email, FORGED_HOST);
  expect(asked.location.startsWith(`${APP_URL}/`)).toBe(true);
  await expect.poll(async () => (await mailsTo(staff.email)).length).toBe(1);
  const link = signInLink((await mailsTo(staff.email))[0]!.text);
  expect(link?.startsWith(`${APP_URL}/api/auth/callback/email?`)).toBe(true);
});

test("a publication page, its feed, the sitemap and robots.txt name only APP_URL, whatever the Host", async () => {
  const { id } = await createPaper();
  const client = new Client("127.0.0.42");
  const page = await client.send(`${portal.origin}/en/publications/${id}`, { headers: FORGED_HOST });
  expect(page.status).toBe(200);
  expect(page.body).toContain(`<link rel="canonical" href="${APP_URL}/en/publications/${id}"`);
  for (const path of ["/en/feed.xml", "/sitemap.xml", "/robots.txt"]) {
    const answer = await client.send(`${portal.origin}${path}`, { headers: FORGED_HOST });
    expect(answer.status, path).toBe(200);
    expect(
      absoluteUrls(answer.body).some((u) => u.startsWith(APP_URL)),
      path,
    ).toBe(true);
  }
  for (const text of [page.body, (await client.send(`${portal.origin}/sitemap.xml`, { headers: FORGED_HOST })).body]) {
    const own = absoluteUrls(text).filter((u) => /evil\.example|127\.0\.0\.1|localhost/.test(u));
    expect(own).toEqual([]);
  }
  // A redirect (here to the reader's language) never names the forged host either.
  const home = await client.send(`${portal.origin}/`, { headers: FORGED_HOST });
  expect(String(home.headers.location ?? "")).not.toContain("evil.example");
});

test("session cookies are Secure when APP_URL is https", async () => {
  const staff = await createStaff("secure-cookie");
  const client = new Client("127.0.0.43");
  const signedIn = await client.signInWithPassword(portal.origin, staff.email, staff.password, FORGED_HOST);
  expect(signedIn.location).toBe(`${APP_URL}/en/admin`);
  const session = (signedIn.headers["set-cookie"] ?? []).find((c) => c.includes("session-token="));
  expect(session).toMatch(/^__Secure-authjs\.session-token=/);
  expect(session).toMatch(/;\s*Secure/i);
});
