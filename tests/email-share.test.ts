import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { REFUSAL_LOG_PER_HOUR } from "@/lib/email-share/refusal-log";
import { EMAIL_SHARE_FORM, hashes, sendPublicationEmail } from "@/lib/email-share/send-publication-email";
import en from "@/lib/i18n/messages/en.json";
import { issueFormToken } from "@/lib/security/form-token";
import { DEFAULT_SITE_SETTINGS } from "@/lib/site-settings/defaults";
import { emailShareSchema, MESSAGE_MAX, TITLE_MAX } from "@/lib/validations/email-share";
import { createAuthor, createPublication, createSeries, uid } from "./support/factories";
import { closedPortUrl, startRejectingServer, startSilentServer, startSmtpServer } from "./support/smtp";

// The form's route handler runs for real; only the request edges are stood in for:
// the client address the edge decided, and next-intl's request-bound loader.
let actionClient = "";
vi.mock("@/lib/security/client-address", () => ({ clientAddress: () => actionClient }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/en.json")).default;
  const translator = (opts: string | { namespace?: string }) =>
    Promise.resolve(
      createTranslator({ locale: "en", messages, namespace: (typeof opts === "string" ? opts : opts.namespace) as never }),
    );
  return { getTranslations: translator };
});
const { GET: getEmailTicket, POST: postEmailForm } = await import("@/app/[locale]/(site)/publications/[id]/email/route");
const { SendEmail } = await import("@/app/[locale]/(site)/publications/[id]/_components/send-email");

// No settings row in the test database: the neutral defaults are the site's title.
const SITE_TITLE = DEFAULT_SITE_SETTINGS.siteTitle;

const APP_URL = "http://portal.test";
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let paper: { id: number };
let koPaper: { id: number };
let draft: { id: number };

function configure(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

const now = Date.now();
/** A client address of its own, so one test's sends never count against another's limit. */
const newClient = () => `2001:db8:${uid().slice(0, 4)}::${uid().slice(0, 4)}`;

/** A form opened ten seconds ago, as a person would have it. */
const form = (publicationId: number, overrides: Record<string, string> = {}) => ({
  recipient: `reader-${uid()}@example.org`,
  contentUrl: `${APP_URL}/en/publications/${publicationId}`,
  title: "A paper for you",
  message: "Thought you'd like this.",
  token: issueFormToken(EMAIL_SHARE_FORM, String(publicationId), now - 10_000),
  ...overrides,
});

async function send(publicationId: number, input: ReturnType<typeof form>, client = newClient(), locale: "en" | "ko" = "en") {
  return sendPublicationEmail({ publicationId, locale, input: emailShareSchema.parse(input), clientAddress: client, now });
}

/** Posts the dialog's form to its route handler, as the page's island does; the answer's state, its HTTP status checked. */
async function submit(publicationId: number | string, input: unknown, client = newClient(), init: RequestInit = {}) {
  actionClient = client;
  const response = await postEmailForm(
    new Request(`${APP_URL}/en/publications/${publicationId}/email`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(input),
      ...init,
    }),
    { params: Promise.resolve({ locale: "en", id: String(publicationId) }) },
  );
  const state = (await response.json()) as {
    ok: boolean;
    status?: number;
    message?: string;
    fieldErrors?: Record<string, string[]>;
  };
  expect(response.status).toBe(state.status);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return state;
}

const errors = en.SendEmail.errors;
const tooLong = (max: number) => errors.tooLong.replace("{max}", String(max));
/** What every mail of the English paper is titled, whatever the reader typed. */
const paperSubject = `[${SITE_TITLE.en}] Shared by a reader: The North Korea-Russia Alliance`;

describe("Send Email", () => {
  beforeAll(async () => {
    smtp = await startSmtpServer();
    configure({ SMTP_URL: smtp.url, APP_URL, MAIL_FROM: "IFANS Perspectives <no-reply@portal.test>", SMTP_TIMEOUT_MS: "1000" });
    const series = await createSeries();
    const author = await createAuthor({ nameEn: "CHOI Wooseon", nameKo: "최우선" });
    paper = await createPublication({
      seriesId: series.id,
      title: "The North Korea-Russia Alliance",
      summary: "What the treaty means.",
      authorIds: [author.id],
    });
    koPaper = await createPublication({
      seriesId: series.id,
      language: "ko",
      title: "북한-러시아 동맹과 한국의 정책",
      authorIds: [author.id],
    });
    draft = await createPublication({ seriesId: series.id, status: "draft" });
  });
  afterEach(() =>
    configure({
      SMTP_URL: smtp.url,
      SMTP_TIMEOUT_MS: "1000",
      NODE_ENV: "test",
      MAIL_OUTBOX: undefined,
      EMAIL_SHARE_LIMIT_RECIPIENT_PER_DAY: undefined,
    }),
  );
  afterAll(async () => smtp.close());

  it("delivers one mail from the site with both parts, the canonical link and the escaped message", async () => {
    const input = form(paper.id, { message: `Is 3 < 4 > 2? "Yes" & tell me\nwhat you think.` });
    expect(await send(paper.id, input)).toEqual({ status: "sent" });
    const [mail] = smtp.to(input.recipient);
    expect(mail).toBeDefined();
    expect(mail!.from).toBe("no-reply@portal.test");
    expect(mail!.to).toEqual([input.recipient]);
    expect(mail!.parsed.from?.text).toBe('"IFANS Perspectives" <no-reply@portal.test>');
    expect(mail!.parsed.subject).toBe(paperSubject);
    expect(mail!.parsed.text).toContain(`> Is 3 < 4 > 2? "Yes" & tell me\n> what you think.`);
    expect(mail!.parsed.text).toContain(`${APP_URL}/en/publications/${paper.id}`);
    expect(mail!.parsed.text).toContain("CHOI Wooseon");
    expect(mail!.parsed.text).toContain("What the treaty means.");
    expect(mail!.parsed.html).toContain("Is 3 &lt; 4 &gt; 2? &quot;Yes&quot; &amp; tell me");
    expect(mail!.parsed.html).not.toContain("3 < 4");
    expect(mail!.parsed.html).toContain(`href="${APP_URL}/en/publications/${paper.id}"`);
  });

  it("encodes a Korean subject and names so a mail client reads them right", async () => {
    const input = form(koPaper.id, {
      contentUrl: `${APP_URL}/ko/publications/${koPaper.id}`,
      title: "북한-러시아 동맹과 한국의 정책",
    });
    expect(await send(koPaper.id, input, "203.0.113.7", "ko")).toEqual({ status: "sent" });
    const [mail] = smtp.to(input.recipient);
    expect(mail!.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m); // RFC 2047 on the wire
    expect(mail!.parsed.subject).toBe(`[${SITE_TITLE.ko}] 독자 추천: 북한-러시아 동맹과 한국의 정책`);
    expect(mail!.parsed.text).toContain("최우선");
    expect(mail!.parsed.text).toContain("독자가 이 간행물을 추천했습니다");
  });

  it("refuses any content address other than the publication's own", async () => {
    const input = form(paper.id, { contentUrl: "https://phishing.example/login" });
    expect(await send(paper.id, input)).toEqual({ status: "foreign_address" });
    expect(smtp.to(input.recipient)).toEqual([]);
  });

  it("refuses line breaks in the title and more than one recipient before anything is sent", () => {
    expect(emailShareSchema.safeParse(form(paper.id, { title: "Hi\r\nBcc: victim@example.org" })).error?.issues[0]?.message).toBe(
      "lineBreak",
    );
    expect(
      emailShareSchema.safeParse(form(paper.id, { recipient: "a@example.org, b@example.org" })).error?.issues[0]?.message,
    ).toBe("oneRecipient");
    expect(emailShareSchema.safeParse(form(paper.id, { recipient: "a@example.org\nBcc: b@example.org" })).success).toBe(false);
    expect(
      emailShareSchema.safeParse(form(paper.id, { recipient: `${"a".repeat(250)}@example.org` })).error?.issues[0]?.message,
    ).toBe("tooLong");
    expect(emailShareSchema.safeParse(form(paper.id, { message: "   " })).error?.issues[0]?.message).toBe("required");
  });

  it("refuses the sixth mail from one client within the hour", async () => {
    const client = `192.0.2.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 5; i++) expect((await send(paper.id, form(paper.id), client)).status).toBe("sent");
    const sixth = form(paper.id);
    const result = await send(paper.id, sixth, client);
    expect(result).toMatchObject({ status: "rate_limited" });
    expect(result.status === "rate_limited" && result.retryAfterSeconds).toBeGreaterThan(3000);
    expect(smtp.to(sixth.recipient)).toEqual([]);
  });

  it("refuses a link in the message with a field error, and sends nothing", async () => {
    const input = form(paper.id, { message: "Your access expires today: sign in at evil-portal.com/login to keep it." });
    expect(await submit(paper.id, input)).toEqual({
      ok: false,
      status: 400,
      message: en.SendEmail.fixErrors,
      fieldErrors: { message: [errors.containsLink] },
    });
    expect(smtp.to(input.recipient)).toEqual([]);
  });

  it("refuses markup in the message with a field error, and sends nothing", async () => {
    const input = form(paper.id, { message: 'Worth a read: <img src="x" onerror="alert(1)"> <b>urgent</b>' });
    expect(await submit(paper.id, input)).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { message: [errors.containsMarkup] },
    });
    expect(smtp.to(input.recipient)).toEqual([]);
  });

  it("refuses an email address in the title with a field error, and sends nothing", async () => {
    const input = form(paper.id, { title: "Questions? Write to support@evil-portal.com" });
    expect(await submit(paper.id, input)).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { title: [errors.containsEmail] },
    });
    expect(smtp.to(input.recipient)).toEqual([]);
  });

  it(`accepts a title of ${TITLE_MAX} characters and refuses one of ${TITLE_MAX + 1}`, async () => {
    expect(TITLE_MAX).toBe(150);
    const long = form(paper.id, { title: "x".repeat(151) });
    expect(await submit(paper.id, long)).toMatchObject({ ok: false, status: 400, fieldErrors: { title: [tooLong(150)] } });
    expect(smtp.to(long.recipient)).toEqual([]);
    const fits = form(paper.id, { title: "x".repeat(150) });
    expect(await submit(paper.id, fits)).toMatchObject({ ok: true, status: 200 });
    expect(smtp.to(fits.recipient)).toHaveLength(1);
  });

  it(`refuses a message of ${MESSAGE_MAX + 1} characters`, async () => {
    expect(MESSAGE_MAX).toBe(500);
    const input = form(paper.id, { message: "x".repeat(501) });
    expect(await submit(paper.id, input)).toMatchObject({ ok: false, status: 400, fieldErrors: { message: [tooLong(500)] } });
    expect(smtp.to(input.recipient)).toEqual([]);
  });

  it("answers a form that is not JSON, too large or not an object with a message and its status, and sends nothing", async () => {
    const input = form(paper.id);
    const failed = { ok: false, message: en.SendEmailDialog.failed };
    // A plain HTML form (another site's, say) cannot send JSON without the browser asking first.
    const asForm = await submit(paper.id, input, newClient(), {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(input).toString(),
    });
    expect(asForm).toEqual({ ...failed, status: 415 });
    expect(await submit(paper.id, input, newClient(), { body: "{not json" })).toEqual({ ...failed, status: 400 });
    const huge = { ...input, message: "x".repeat(20_000) };
    expect(await submit(paper.id, huge)).toEqual({ ...failed, status: 413 });
    const notAnObject = await submit(paper.id, [input]);
    expect(notAnObject).toMatchObject({ ok: false, status: 400, fieldErrors: { recipient: [errors.required] } });
    // Fields that are not text count as missing.
    expect(await submit(paper.id, { ...input, recipient: 42 })).toMatchObject({
      status: 400,
      fieldErrors: { recipient: [errors.required] },
    });
    expect(smtp.to(input.recipient)).toEqual([]);
  });

  it("answers 404 for a paper that is not public or an id that names none", async () => {
    expect(await submit(draft.id, form(draft.id))).toEqual({ ok: false, status: 404, message: en.SendEmail.notFound });
    expect(await submit("1e3", form(paper.id))).toEqual({ ok: false, status: 404, message: en.SendEmail.notFound });
  });

  it("hands out a fresh signed ticket for the paper, never cached, and none when mail is not configured", async () => {
    const ticket = async (id: number | string) =>
      getEmailTicket(new Request(`${APP_URL}/en/publications/${id}/email`), {
        params: Promise.resolve({ locale: "en", id: String(id) }),
      });
    const first = await ticket(paper.id);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const { token } = (await first.json()) as { token: string };
    const { token: second } = (await (await ticket(paper.id)).json()) as { token: string };
    expect(second).not.toBe(token);
    // Good for this paper only: sent with another's form, it has expired.
    const other = form(koPaper.id, { token, contentUrl: `${APP_URL}/en/publications/${koPaper.id}` });
    expect(await submit(koPaper.id, other)).toMatchObject({ ok: false, message: en.SendEmail.expired });
    expect((await ticket("x")).status).toBe(404);
    // In production without SMTP_URL (development writes to an outbox instead).
    configure({ SMTP_URL: undefined, NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), MAIL_OUTBOX: undefined });
    expect((await ticket(paper.id)).status).toBe(503);
    configure({ AUTH_SECRET: undefined });
  });

  it("puts the button on the paper's page, not the dialog, and tells its island when the site sends no mail", async () => {
    // The island (islands/send-email.ts) builds the dialog at the first opening, with the paper's
    // address and title from the element around the page's tools (e2e/paper-tools.spec.ts).
    const button = async () => renderToStaticMarkup(await SendEmail({ locale: "en", publicationId: 7 }));
    expect(await button()).toBe(
      `<send-email data-endpoint="/en/publications/7/email">` +
        `<button type="button" class="action-button no-print" aria-haspopup="dialog">${en.SendEmailDialog.open}</button></send-email>`,
    );
    configure({ SMTP_URL: undefined, NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), MAIL_OUTBOX: undefined });
    expect(await button()).toBe(
      `<send-email data-endpoint="/en/publications/7/email" data-unavailable="">` +
        `<button type="button" class="action-button no-print" aria-haspopup="dialog">${en.SendEmailDialog.open}</button></send-email>`,
    );
    configure({ AUTH_SECRET: undefined });
  });

  it("titles the mail with the site and the publication, never with the reader's words alone", async () => {
    const input = form(paper.id, { title: "URGENT: your account" });
    expect(await send(paper.id, input)).toEqual({ status: "sent" });
    const [mail] = smtp.to(input.recipient);
    expect(mail!.parsed.subject).toBe(paperSubject);
    expect(mail!.parsed.subject).toContain(SITE_TITLE.en);
    expect(mail!.parsed.subject).toContain("The North Korea-Russia Alliance");
    expect(mail!.parsed.subject).not.toContain("URGENT");
  });

  it("shows the reader's title and message as quoted text marked as the reader's", async () => {
    const input = form(paper.id, { title: `Tom & Jerry's "pick"`, message: "Chapter 2 is the key.\n\nSee you Monday." });
    expect(await send(paper.id, input)).toEqual({ status: "sent" });
    const [mail] = smtp.to(input.recipient);
    const note = en.ShareMail.readerNote.replace("{site}", SITE_TITLE.en);
    expect(mail!.parsed.text).toContain(`${note}\n> Tom & Jerry's "pick"\n>\n> Chapter 2 is the key.\n>\n> See you Monday.\n`);
    // Not one line of the reader's words stands outside the quote.
    const own = mail!.parsed.text!.split("\n").filter((l) => /Jerry|Chapter 2|Monday/.test(l));
    expect(own.every((l) => l.startsWith("> "))).toBe(true);
    const html = mail!.parsed.html as string;
    expect(html).toContain(`<strong>${note}</strong>`);
    expect(html).toMatch(
      /<blockquote[^>]*>\s*<p[^>]*>Tom &amp; Jerry&#39;s &quot;pick&quot;<\/p>\s*<p[^>]*>Chapter 2 is the key\.\n\nSee you Monday\.<\/p>\s*<\/blockquote>/,
    );
  });

  it("counts you+1@…, you+2@… as one recipient for the daily limit, and delivers to each as typed", async () => {
    configure({ EMAIL_SHARE_LIMIT_RECIPIENT_PER_DAY: "3" });
    const local = `a-${uid()}`;
    for (const tag of [1, 2, 3]) {
      const recipient = `${local}+${tag}@example.org`;
      expect((await send(paper.id, form(paper.id, { recipient }))).status).toBe("sent");
      expect(smtp.to(recipient)).toHaveLength(1);
    }
    const fourth = `${local}+4@example.org`;
    expect((await send(paper.id, form(paper.id, { recipient: fourth }))).status).toBe("rate_limited");
    expect(smtp.to(fourth)).toEqual([]);
  });

  it("counts A.B@gmail.com and ab@googlemail.com as one recipient", async () => {
    const id = uid();
    const addresses = [`A.B${id}@gmail.com`, `ab${id}@googlemail.com`, `a.b.${id}@GMail.com`];
    for (const recipient of addresses) expect((await send(paper.id, form(paper.id, { recipient }))).status).toBe("sent");
    expect((await send(paper.id, form(paper.id, { recipient: `ab${id}@googlemail.com` }))).status).toBe("rate_limited");
  });

  it("logs a client's flood of refusals only up to its hourly allowance", async () => {
    const client = newClient();
    const { clientHash } = hashes(client, "");
    // Five mails spend the client's hourly allowance; what follows is all refused.
    for (let i = 0; i < 5; i++) expect((await send(paper.id, form(paper.id), client)).status).toBe("sent");
    for (let i = 0; i < REFUSAL_LOG_PER_HOUR; i++) {
      expect((await send(paper.id, form(paper.id, { token: "forged" }), client)).status).toBe("expired");
    }
    for (let i = 0; i < 10; i++) {
      expect((await submit(paper.id, form(paper.id, { message: "sign in at evil.click" }), client)).status).toBe(400);
      expect((await send(paper.id, form(paper.id), client)).status).toBe("rate_limited");
    }
    const rows = await db.emailShare.findMany({ where: { clientHash }, orderBy: { id: "asc" } });
    const refusals = rows.filter((r) => r.outcome !== "sent");
    expect(rows.filter((r) => r.outcome === "sent")).toHaveLength(5);
    expect(refusals).toHaveLength(REFUSAL_LOG_PER_HOUR + 1);
    expect(refusals.at(-1)?.error).toMatch(/not logged this hour/);
  });

  it("stores why delivery failed without the recipient's address", async () => {
    const rejecting = await startRejectingServer();
    configure({ SMTP_URL: rejecting.url });
    const client = newClient();
    try {
      expect(await send(paper.id, form(paper.id), client)).toEqual({ status: "failed" });
    } finally {
      await rejecting.close();
    }
    const row = await db.emailShare.findFirst({ where: { clientHash: hashes(client, "").clientHash, outcome: "failed" } });
    expect(row?.error).toMatch(/550.*<address>: Recipient address rejected/);
    expect(row?.error).not.toContain("@");
  });

  it("refuses a fourth mail to one recipient within the day", async () => {
    const recipient = `friend-${uid()}@example.org`;
    for (let i = 0; i < 3; i++) expect((await send(paper.id, form(paper.id, { recipient }))).status).toBe("sent");
    expect((await send(paper.id, form(paper.id, { recipient: recipient.toUpperCase() }))).status).toBe("rate_limited");
    expect(smtp.to(recipient)).toHaveLength(3);
  });

  it("sends one mail for two rapid submissions of the same form", async () => {
    const input = form(paper.id);
    const results = await Promise.all([send(paper.id, input), send(paper.id, input)]);
    expect(results).toEqual([{ status: "sent" }, { status: "sent" }]);
    expect(smtp.to(input.recipient)).toHaveLength(1);
  });

  it("tells the reader to try later and logs a failure when the SMTP server is down", async () => {
    configure({ SMTP_URL: await closedPortUrl() });
    const input = form(paper.id);
    expect(await send(paper.id, input)).toEqual({ status: "failed" });
    const [row] = await db.emailShare.findMany({
      where: { publicationId: paper.id, outcome: "failed" },
      orderBy: { id: "desc" },
      take: 1,
    });
    expect(row?.error).toMatch(/ECONNREFUSED|connect/i);
  });

  it("gives up on a server that never answers within the timeout", async () => {
    const silent = await startSilentServer();
    configure({ SMTP_URL: silent.url, SMTP_TIMEOUT_MS: "1000" });
    const started = Date.now();
    expect(await send(paper.id, form(paper.id))).toEqual({ status: "failed" });
    expect(Date.now() - started).toBeLessThan(10_000);
    await silent.close();
  });

  it("stops naive bots with the honeypot and the minimum fill time, and sends nothing", async () => {
    const bot = form(paper.id, { website: "http://spam.example" });
    expect(await send(paper.id, bot)).toEqual({ status: "sent" }); // bots learn nothing
    expect(smtp.to(bot.recipient)).toEqual([]);
    const hasty = form(paper.id, { token: issueFormToken(EMAIL_SHARE_FORM, String(paper.id), now - 500) });
    expect(await send(paper.id, hasty)).toEqual({ status: "too_fast" });
    const forged = form(paper.id, { token: issueFormToken(EMAIL_SHARE_FORM, String(paper.id + 1), now - 10_000) });
    expect(await send(paper.id, forged)).toEqual({ status: "expired" });
    expect(smtp.to(hasty.recipient).concat(smtp.to(forged.recipient))).toEqual([]);
  });

  it("cannot send an unpublished publication", async () => {
    const input = form(draft.id, { contentUrl: `${APP_URL}/en/publications/${draft.id}` });
    expect(await send(draft.id, input)).toEqual({ status: "not_found" });
    expect(smtp.to(input.recipient)).toEqual([]);
  });

  it("logs every attempt with hashed client and recipient, and keeps no message", async () => {
    const client = "198.51.100.77";
    const input = form(paper.id);
    await send(paper.id, input, client);
    const rows = await db.emailShare.findMany({ where: { publicationId: paper.id }, orderBy: { id: "desc" }, take: 1 });
    const row = rows[0]!;
    expect(row.outcome).toBe("sent");
    expect(row.clientHash).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    expect(stored).not.toContain(client);
    expect(stored).not.toContain(input.recipient);
    expect(stored).not.toContain(input.message);
  });

  it("writes to the outbox in development when no SMTP server is configured", async () => {
    configure({ SMTP_URL: undefined, MAIL_OUTBOX: "true" });
    const input = form(paper.id);
    expect(await send(paper.id, input)).toEqual({ status: "sent" });
    const outbox = path.join(process.env.DATA_DIR!, "outbox");
    const files = await readdir(outbox);
    const mails = await Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(outbox, f)))));
    const mine = mails.find((m) => m.to && !Array.isArray(m.to) && m.to.text === input.recipient);
    expect(mine?.subject).toBe(paperSubject);
    expect(smtp.to(input.recipient)).toEqual([]);
  });

  it("explains that email is not configured in production without SMTP_URL", async () => {
    configure({ SMTP_URL: undefined, NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), MAIL_OUTBOX: undefined });
    expect(await send(paper.id, form(paper.id))).toEqual({ status: "not_configured" });
    configure({ AUTH_SECRET: undefined });
  });
});
