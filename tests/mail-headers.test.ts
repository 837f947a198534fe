import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { deliver } from "@/lib/mail/transport";
import { uid } from "./support/factories";
import { startSmtpServer } from "./support/smtp";

const SETTINGS = ["SMTP_URL", "MAIL_FROM", "MAIL_OUTBOX", "DATA_DIR"] as const;

describe("what every mail of the portal carries", () => {
  const saved = Object.fromEntries(SETTINGS.map((k) => [k, process.env[k]]));
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let dataDir: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    dataDir = mkdtempSync(path.join(os.tmpdir(), "perspectives-mail-"));
  });
  afterAll(async () => {
    for (const key of SETTINGS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    resetEnvCache();
    rmSync(dataDir, { recursive: true, force: true });
    await smtp.close();
  });

  function configure(vars: Partial<Record<(typeof SETTINGS)[number], string | undefined>>) {
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvCache();
  }

  it("has a Message-ID on MAIL_FROM's domain, a date, MIME-Version and Auto-Submitted, as the SMTP server receives it", async () => {
    configure({ SMTP_URL: smtp.url, MAIL_FROM: "IFANS Perspectives <no-reply@Perspectives.Example.org>" });
    const to = `reader-${uid()}@example.net`;
    const delivery = await deliver({ to, subject: "Hello", text: "Hello.", html: "<p>Hello.</p>" });

    const [mail] = smtp.to(to);
    expect(mail!.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@perspectives\.example\.org>$/);
    expect(delivery.messageId).toBe(mail!.parsed.messageId);
    expect(mail!.raw).toMatch(/^Auto-Submitted: auto-generated\r?$/m);
    expect(mail!.raw).toMatch(/^MIME-Version: 1\.0\r?$/m);
    expect(Math.abs(mail!.parsed.date!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("keeps the Message-ID on MAIL_FROM's domain when the envelope names another sender", async () => {
    configure({ SMTP_URL: smtp.url, MAIL_FROM: "no-reply@perspectives.example.org" });
    const to = `reader-${uid()}@example.net`;
    await deliver({ to, subject: "Bounces elsewhere", text: "Hello.", envelope: { from: "bounces@mailer.example.net", to } });

    const [mail] = smtp.to(to);
    expect(mail!.from).toBe("bounces@mailer.example.net");
    expect(mail!.parsed.messageId).toMatch(/@perspectives\.example\.org>$/);
  });

  it("writes a sender domain in Hangul as punycode in the Message-ID", async () => {
    configure({ SMTP_URL: smtp.url, MAIL_FROM: "퍼스펙티브 <no-reply@퍼스펙티브.kr>" });
    const to = `reader-${uid()}@example.net`;
    await deliver({ to, subject: "Hello", text: "Hello." });
    expect(smtp.to(to)[0]!.parsed.messageId).toMatch(/@xn--ov3b17fvrr7pase\.kr>$/);
  });

  it("gives each mail a Message-ID of its own", async () => {
    configure({ SMTP_URL: smtp.url, MAIL_FROM: "no-reply@perspectives.example.org" });
    const to = `reader-${uid()}@example.net`;
    await deliver({ to, subject: "One", text: "One." });
    await deliver({ to, subject: "Two", text: "Two." });
    const ids = smtp.to(to).map((m) => m.parsed.messageId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("has the same Message-ID domain and Auto-Submitted in the development outbox", async () => {
    configure({ SMTP_URL: undefined, MAIL_OUTBOX: "true", DATA_DIR: dataDir, MAIL_FROM: "Perspectives <no-reply@portal.test>" });
    const delivery = await deliver({ to: "reader@example.org", subject: "Hello", text: "Hello." });

    const mail = await simpleParser(readFileSync(delivery.location!));
    expect(mail.messageId).toMatch(/@portal\.test>$/);
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
  });
});
