// TRUST_PROXY=1 with a real reverse proxy in front that appends the client's
// address and passes its own Host (nginx's defaults), and an APP_URL on a
// host that is not localhost (perspectives.test, mapped to 127.0.0.1 for the
// browser in playwright.config.ts).
import { expect, test } from "@playwright/test";
import { Client } from "./support/client";
import { mailsTo } from "../support/mail";
import { SignInPage } from "../pages/sign-in-page";
import { translator } from "../support/messages";
import { createPaper } from "../support/papers";
import { createStaff, signInLink, viewEvents } from "./support/fixtures";
import { startProxiedInstance } from "./support/instance";

let deployment: Awaited<ReturnType<typeof startProxiedInstance>>;
let appUrl: string;
let proxy: { origin: string };

test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  deployment = await startProxiedInstance("proxy-spec-secret-proxy-spec-secret-0001");
  ({ appUrl, proxy } = deployment);
});
test.afterAll(async () => {
  await deployment?.stop();
});

test("clients behind the proxy count separately; a client's own X-Forwarded-For entries are ignored", async () => {
  const { id } = await createPaper();
  const first = new Client("127.0.0.51");
  const second = new Client("127.0.0.52");
  for (const spoofed of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) {
    await first.send(`${proxy.origin}/en/publications/${id}`, { headers: { "x-forwarded-for": spoofed } });
  }
  await second.send(`${proxy.origin}/en/publications/${id}`);
  await expect.poll(async () => (await viewEvents(id)).length).toBe(4);
  expect(new Set((await viewEvents(id)).map((e) => e.visitorHash)).size).toBe(2);
});

test("a sign-in link asked for on the sign-in page behind the proxy, with forged forwarding headers, points at APP_URL", async ({
  page,
}) => {
  const staff = await createStaff("proxied-link");
  await page.setExtraHTTPHeaders({ "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
  const signIn = new SignInPage(page);
  await page.goto(`${appUrl}/en/sign-in`);
  await signIn.askForLink(staff.email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(translator("en")("SignIn.checkEmailTitle"));
  await expect.poll(async () => (await mailsTo(staff.email)).length).toBe(1);
  const link = signInLink((await mailsTo(staff.email))[0]!.text);
  expect(link?.startsWith(`${appUrl}/api/auth/callback/email?`)).toBe(true);
  await page.goto(link!);
  await expect(page).toHaveURL(`${appUrl}/en/admin`);
});
