import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";
import { DEFAULT_SITE_SETTINGS } from "@/lib/site-settings/defaults";
import { uid } from "./support/factories";
import { portalMailTo, type ReceivedMail } from "./support/smtp";

// Auth.js runs for real, from the request for a link to the click on it; only
// the request scope Next.js gives a server action is stood in for.
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({
  headers: () => Promise.resolve(requestHeaders),
  cookies: () => Promise.resolve({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined }),
}));
const { handlers, signIn } = await import("@/lib/auth");
const { asInvitation } = await import("@/lib/auth/magic-link");

// No settings row in the test database: the neutral defaults are the site's title.
const SITE_TITLE = DEFAULT_SITE_SETTINGS.siteTitle;

const APP_URL = "https://perspectives.example.org";
const smtp = portalMailTo(APP_URL);

async function staff() {
  const email = `staff-${uid()}@example.org`;
  await db.user.create({ data: { email, role: "EDITOR" } });
  return email;
}

/** Asks for a link as the sign-in page of `callbackUrl`'s language does, from a client of its own. */
async function askForLink(email: string, callbackUrl: string) {
  requestHeaders = new Headers({ [CLIENT_ADDRESS_HEADER]: `2001:db8:${uid().slice(0, 4)}::${uid().slice(0, 4)}` });
  const answer: unknown = await signIn("email", { email, redirectTo: callbackUrl, redirect: false });
  expect(answer).toContain("/verify-request");
  return received(email);
}

async function received(email: string): Promise<ReceivedMail> {
  await vi.waitFor(() => expect(smtp().to(email)).toHaveLength(1), { timeout: 10_000 });
  return smtp().to(email)[0]!;
}

/** The link a reader clicks: the one on a line of its own in the text part, as the e2e specs read it. */
const linkIn = (mail: ReceivedMail) => /^(https?:\/\/\S+\/api\/auth\/callback\/email\?\S+)$/m.exec(mail.parsed.text ?? "")?.[1];

/** What the HTML part says, as a reader sees it. */
const htmlWords = (mail: ReceivedMail) =>
  (mail.parsed.html as string)
    .replace(/<title>.*<\/title>/s, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

async function open(link: string) {
  return handlers.GET(new NextRequest(link));
}

describe("the sign-in mail", () => {
  it("is in English, with the site's name, for a link asked for on an English page, and its link signs in once", async () => {
    const email = await staff();
    const mail = await askForLink(email, "/en/admin/publications");

    expect(mail.parsed.subject).toBe(`[${SITE_TITLE.en}] Sign-in link`);
    expect(mail.parsed.text).toContain(`Sign in to ${SITE_TITLE.en}`);
    expect(mail.parsed.text).toContain(en.SignInMail.ignore);
    expect(mail.parsed.text).not.toMatch(/[가-힣]/);
    const link = linkIn(mail);
    expect(link?.startsWith(`${APP_URL}/api/auth/callback/email?`)).toBe(true);

    const opened = await open(link!);
    expect(opened.headers.get("location")).toBe(`${APP_URL}/en/admin/publications`);
    expect(opened.headers.getSetCookie().join("\n")).toMatch(/authjs\.session-token=/);
    expect((await open(link!)).headers.get("location")).toMatch(/error=Verification/);
  });

  it("is in Korean, with the site's Korean name, for a link asked for on a Korean page", async () => {
    const email = await staff();
    const mail = await askForLink(email, "/ko/admin");

    expect(mail.parsed.subject).toBe(`[${SITE_TITLE.ko}] 로그인 링크`);
    expect(mail.parsed.text).toContain(`${SITE_TITLE.ko} 로그인`);
    expect(mail.parsed.text).toContain(ko.SignInMail.ignore);
    expect(mail.parsed.text).not.toContain("Sign in");
    expect(mail.parsed.html).toMatch(/^<!doctype html><html lang="ko">/);
    expect((await open(linkIn(mail)!)).headers.get("location")).toBe(`${APP_URL}/ko/admin`);
  });

  it("has an HTML part in the reader's language, titled, saying all the text part says, the ignore line too", async () => {
    const email = await staff();
    const mail = await askForLink(email, "/en/admin");

    const html = mail.parsed.html as string;
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain(`<title>[${SITE_TITLE.en}] Sign-in link</title>`);
    expect(html).toContain(`href="${linkIn(mail)!.replace(/&/g, "&amp;")}"`);
    const said = htmlWords(mail);
    const lines = mail.parsed.text!.split("\n").filter((l) => l.trim() !== "");
    expect(lines).toContain(en.SignInMail.ignore);
    for (const line of lines) expect(said).toContain(line);
  });

  it("leaves the recipient's address out of the link, which still names who signs in", async () => {
    const email = await staff();
    const mail = await askForLink(email, "/en/admin");

    const link = new URL(linkIn(mail)!);
    expect([...link.searchParams.keys()].sort()).toEqual(["callbackUrl", "token"]);
    for (const part of [mail.parsed.text!, mail.parsed.html as string]) {
      expect(part).not.toContain(email);
      expect(part).not.toContain(encodeURIComponent(email));
    }
    const opened = await open(link.href);
    expect(opened.headers.get("location")).toBe(`${APP_URL}/en/admin`);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { emailVerified: true } });
    expect(user.emailVerified).not.toBeNull();
  });

  it("still accepts a link mailed with the address in it, and refuses one whose address was changed", async () => {
    const [email, other] = [await staff(), await staff()];
    const first = new URL(linkIn(await askForLink(email, "/en/admin"))!);
    const second = new URL(linkIn(await askForLink(other, "/en/admin"))!);
    first.searchParams.set("email", email);
    second.searchParams.set("email", email);

    expect((await open(first.href)).headers.get("location")).toBe(`${APP_URL}/en/admin`);
    expect((await open(second.href)).headers.get("location")).toMatch(/error=Verification/);
  });

  it("is marked as written by a program (RFC 3834)", async () => {
    const mail = await askForLink(await staff(), "/en/admin");
    expect(mail.parsed.headers.get("auto-submitted")).toBe("auto-generated");
  });

  it("invites in both languages, Korean first, saying the person was invited", async () => {
    const email = await staff();
    requestHeaders = new Headers();
    await asInvitation(() => signIn("email", { email, redirectTo: "/en/admin", redirect: false }));
    const [mail] = smtp().to(email); // an invitation is sent before the action answers

    expect(mail?.parsed.subject).toBe(`[${SITE_TITLE.ko}] 초대 안내 / [${SITE_TITLE.en}] You have been invited`);
    const text = mail!.parsed.text!;
    expect(text.indexOf(`${SITE_TITLE.ko}에 초대되었습니다`)).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(`You have been invited to ${SITE_TITLE.en}`)).toBeGreaterThan(text.indexOf("초대되었습니다"));
    expect(text).toContain(en.SignInMail.invitationIgnore);
    expect(text).toContain(`${APP_URL}/en/sign-in`);
    expect(text).toContain(`${APP_URL}/ko/sign-in`);
    const html = mail!.parsed.html as string;
    expect(html).toMatch(/^<!doctype html><html lang="ko">/);
    expect(html).toContain('<div lang="en"');
    expect((await open(linkIn(mail!)!)).headers.get("location")).toBe(`${APP_URL}/en/admin`);
  });
});
