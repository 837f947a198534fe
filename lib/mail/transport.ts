import "server-only";
import { chmod, mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { domainToASCII } from "node:url";
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import type Mail from "nodemailer/lib/mailer";
import { env } from "@/lib/env";
import { parseMailbox } from "./address";

export type Message = Omit<Mail.Options, "headers"> & { headers?: Record<string, string> };
export type MailDelivery = { kind: "smtp" | "outbox"; messageId: string; location?: string };

/** Whether this deployment can send mail at all (production without SMTP_URL cannot). */
export function mailConfigured(): boolean {
  const e = env();
  return Boolean(e.SMTP_URL) || e.MAIL_OUTBOX;
}

type Cached = { url: string; timeout: number; transport: nodemailer.Transporter };
const transports: { single?: Cached; pooled?: Cached } = {};

/** Connections a bulk sender (the alerts) keeps open to the mail server. */
export const BULK_CONNECTIONS = 5;

/**
 * One connection per mail for the portal's occasional mails (sign-in, Send
 * Email); for bulk mail (the alerts) a pool of open connections: mail servers
 * hold each new connection's greeting back (100 ms to seconds, against early
 * talkers), which would otherwise be paid by every mail.
 */
function smtpTransport(url: string, kind: "single" | "pooled") {
  const timeout = env().SMTP_TIMEOUT_MS;
  const cached = transports[kind];
  if (cached?.url === url && cached.timeout === timeout) return cached.transport;
  cached?.transport.close();
  // A down or slow server must fail within the timeout, never hang the reader.
  // Parsed here: with `url` as an option nodemailer drops the timeouts given beside it.
  const options = { ...parseConnectionUrl(url), connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout };
  const transport =
    kind === "pooled"
      ? nodemailer.createTransport({ ...options, pool: true, maxConnections: BULK_CONNECTIONS, maxMessages: 100 })
      : nodemailer.createTransport(options);
  transports[kind] = { url, timeout, transport };
  return transport;
}

/**
 * Writes the message as an .eml file any mail client opens: the development outbox.
 * Sign-in links and readers' addresses are in there: owner only, folder and files.
 */
async function writeToOutbox(message: Mail.Options): Promise<MailDelivery> {
  const outbox = path.join(env().DATA_DIR, "outbox");
  await mkdir(outbox, { recursive: true, mode: 0o700 });
  await chmod(outbox, 0o700); // an outbox made before this rule existed
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }).sendMail(message);
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.eml`;
  const file = path.join(outbox, name);
  await writeFile(`${file}.tmp`, built.message as Buffer, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
  return { kind: "outbox", messageId: built.messageId, location: file };
}

export class MailNotConfiguredError extends Error {
  override name = "MailNotConfiguredError";
}

/**
 * The message as the portal sends it: from MAIL_FROM, with a Message-ID on its
 * domain (made here, so it stays there whatever envelope a caller sets), and
 * marked as written by a program.
 */
function outgoing(message: Message): Mail.Options {
  const from = env().MAIL_FROM;
  const sender = parseMailbox(from);
  // Headers are ASCII: a domain in another script goes in its punycode form.
  const domain = sender.ok ? domainToASCII(sender.mailbox.domain) : "localhost";
  return {
    from,
    messageId: `<${randomUUID()}@${domain}>`,
    ...message,
    headers: {
      // RFC 3834: every mail the portal sends is made by a program, the share mail
      // too (the site writes it; the reader only fills a form), so vacation replies
      // and other responders must not answer it.
      "Auto-Submitted": "auto-generated",
      ...message.headers,
    },
  };
}

/** Sends through SMTP_URL (`bulk`: over the pool of open connections), or into the outbox where that is allowed. */
export async function deliver(message: Message, { bulk = false } = {}): Promise<MailDelivery> {
  const e = env();
  if (e.SMTP_URL) {
    const transport = smtpTransport(e.SMTP_URL, bulk ? "pooled" : "single");
    const info = (await transport.sendMail(outgoing(message))) as { messageId: string };
    return { kind: "smtp", messageId: info.messageId };
  }
  if (e.MAIL_OUTBOX) return writeToOutbox(outgoing(message));
  throw new MailNotConfiguredError("No SMTP_URL is configured.");
}
