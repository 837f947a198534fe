// Every kind of mail the portal sends, as a real SMTP server received it,
// scored by SpamAssassin's local rules (no network tests, no Bayes).
import { spawn, spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { EMAIL_SHARE_FORM, sendPublicationEmail } from "@/lib/email-share/send-publication-email";
import { issueFormToken } from "@/lib/security/form-token";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";
import { emailShareSchema } from "@/lib/validations/email-share";
import { createAuthor, createPublication, createSeries, uid } from "./support/factories";
import { portalMailTo } from "./support/smtp";

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({
  headers: () => Promise.resolve(requestHeaders),
  cookies: () => Promise.resolve({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined }),
}));

/** Highest score a mail of ours may get: 5.0 is spam; an ordinary, well-made mail scores about 0. */
const MAX_SCORE = 1.0;
const installed = spawnSync("spamassassin", ["--version"], { stdio: "ignore" }).status === 0;
const APP_URL = "https://perspectives.example.org";

type Verdict = { score: number; rules: string };

const messageId = (raw: string) => /^Message-ID: *(<[^>]+>)/im.exec(raw)?.[1];

/**
 * SpamAssassin's verdicts on raw messages, in one run (its start-up is most of
 * the time), matched by Message-ID: it reorders an mbox by date.
 */
function spamAssassin(raws: string[]): Promise<Verdict[]> {
  const mbox = raws
    .map((raw) => `From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n${raw.replace(/\r\n/g, "\n").replace(/^From /gm, ">From ")}\n`)
    .join("\n");
  return new Promise((resolve, reject) => {
    // -L: local tests only; -x and use_bayes 0: no preferences file or Bayes database written.
    const child = spawn("spamassassin", ["-L", "-t", "-x", "--cf=use_bayes 0", "--mbox"], { stdio: ["pipe", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", reject);
    child.on("close", () => {
      const byId = new Map<string | undefined, Verdict>();
      for (const block of out.split(/^From MAILER-DAEMON .*$/m)) {
        const status = /^X-Spam-Status: \w+, score=(-?[\d.]+) required=[\d.]+ tests=([^\n]*(?:\n[ \t][^\n]*)*)/m.exec(block);
        if (status)
          byId.set(messageId(block), {
            score: Number(status[1]),
            rules: status[2]!.replace(/\s+/g, " ").replace(/ autolearn=.*$/, ""),
          });
      }
      const verdicts = raws.map((raw) => byId.get(messageId(raw)));
      if (verdicts.some((v) => !v)) return reject(new Error(`SpamAssassin did not score every mail:\n${out.slice(0, 2000)}`));
      resolve(verdicts as Verdict[]);
    });
    child.stdin.end(mbox);
  });
}

/** SpamAssassin's own test string: any working installation scores it as spam. */
const GTUBE = [
  "From: a@example.org",
  "To: b@example.org",
  "Subject: test",
  `Date: ${new Date().toUTCString()}`,
  "Message-ID: <gtube@example.org>",
  "",
  "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X",
  "",
].join("\n");

describe.skipIf(!installed)(
  `SpamAssassin's score of every mail the portal sends${installed ? "" : " (skipped: spamassassin is not on PATH; apt-get install spamassassin)"}`,
  () => {
    const smtp = portalMailTo(APP_URL);
    let papers: { en: number; ko: number };

    beforeAll(async () => {
      const series = await createSeries();
      const author = await createAuthor({ nameEn: "CHOI Wooseon", nameKo: "최우선" });
      const common = { seriesId: series.id, authorIds: [author.id] };
      papers = {
        en: (await createPublication({ ...common, title: "The North Korea-Russia Alliance", summary: "What the treaty means." }))
          .id,
        ko: (
          await createPublication({ ...common, language: "ko", title: "북한-러시아 동맹과 한국의 정책", summary: "조약의 의미." })
        ).id,
      };
    });

    const client = () => `2001:db8:${uid().slice(0, 4)}::${uid().slice(0, 4)}`;

    /** Each kind of mail, sent the way the portal sends it; the raw message the server received. */
    const kinds: Record<string, () => Promise<string>> = {
      "sign-in link (English)": () => signInMail("/en/admin"),
      "sign-in link (Korean)": () => signInMail("/ko/admin"),
      "invitation (both languages)": () => signInMail("/ko/admin", true),
      "share mail (English)": () => shareMail("en"),
      "share mail (Korean)": () => shareMail("ko"),
    };

    async function signInMail(callbackUrl: string, invitation = false) {
      const { signIn } = await import("@/lib/auth");
      const { asInvitation } = await import("@/lib/auth/magic-link");
      const email = `editor-${uid()}@example.org`;
      await db.user.create({ data: { email, role: "EDITOR" } });
      requestHeaders = new Headers({ [CLIENT_ADDRESS_HEADER]: client() });
      const ask = () => signIn("email", { email, redirectTo: callbackUrl, redirect: false });
      await (invitation ? asInvitation(ask) : ask());
      await vi.waitFor(() => expect(smtp().to(email)).toHaveLength(1), { timeout: 10_000 });
      return smtp().to(email)[0]!.raw;
    }

    async function shareMail(locale: "en" | "ko") {
      const publicationId = papers[locale];
      const recipient = `colleague-${uid()}@example.org`;
      const input = emailShareSchema.parse({
        recipient,
        contentUrl: `${APP_URL}/${locale}/publications/${publicationId}`,
        title: locale === "en" ? "A paper for our meeting" : "회의 자료로 추천합니다",
        message: locale === "en" ? "Chapter 2 is worth reading before Monday." : "월요일 회의 전에 2장을 읽어 보세요.",
        token: issueFormToken(EMAIL_SHARE_FORM, String(publicationId), Date.now() - 10_000),
      });
      expect(await sendPublicationEmail({ publicationId, locale, input, clientAddress: client() })).toEqual({ status: "sent" });
      return smtp().to(recipient)[0]!.raw;
    }

    let verdicts: Record<string, Verdict>;

    beforeAll(async () => {
      const raws: string[] = [];
      for (const send of Object.values(kinds)) raws.push(await send());
      const [control, ...scored] = await spamAssassin([GTUBE, ...raws]);
      verdicts = { control: control!, ...Object.fromEntries(Object.keys(kinds).map((k, i) => [k, scored[i]!] as const)) };
      for (const [kind, v] of Object.entries(verdicts)) console.info(`SpamAssassin: ${kind}: ${v.score} (${v.rules})`);
    }, 120_000);

    it("reads SpamAssassin's verdicts: its test string, scored in the same run, is spam", () => {
      expect(verdicts.control!.score).toBeGreaterThan(MAX_SCORE);
    });

    it.each(Object.keys(kinds))(`scores the %s at most ${MAX_SCORE}`, (kind) => {
      const { score, rules } = verdicts[kind]!;
      expect(score, `${kind}: ${rules}`).toBeLessThanOrEqual(MAX_SCORE);
    });
  },
);
