// A real SMTP server on 127.0.0.1 for mail tests: it records what it received.
import net from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { listenForMail } from "./smtp-server";

export type ReceivedMail = { from: string; to: string[]; raw: string; parsed: ParsedMail };

export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const server = await listenForMail(0, async (bytes, envelope) => {
    const raw = bytes.toString("utf8");
    received.push({
      from: envelope.mailFrom ? envelope.mailFrom.address : "",
      to: envelope.rcptTo.map((r) => r.address),
      raw,
      parsed: await simpleParser(raw),
    });
  });
  const { port } = server.server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Mails to one address, as a test that made a unique recipient expects. */
    to: (address: string) => received.filter((m) => m.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Refuses every recipient the way real servers do, quoting the address back in its reply. */
export async function startRejectingServer() {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const error = Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), {
        responseCode: 550,
      });
      callback(error);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Accepts connections and never answers: an SMTP server that hangs. */
export async function startSilentServer() {
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => sockets.push(s));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: an SMTP server that is down. */
export async function closedPortUrl() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}

export type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

/**
 * For one test file: the portal sends its mail to a real SMTP server, as the
 * institute at `appUrl` (SMTP_URL, APP_URL, MAIL_FROM), all put back after.
 * Returns the server, once the file's tests run.
 */
export function portalMailTo(appUrl: string): () => SmtpServer {
  let smtp: SmtpServer | undefined;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    Object.assign(process.env, {
      SMTP_URL: smtp.url,
      APP_URL: appUrl,
      MAIL_FROM: "IFANS Perspectives <no-reply@perspectives.example.org>",
    });
    resetEnvCache();
  });
  afterAll(async () => {
    for (const key of ["SMTP_URL", "APP_URL", "MAIL_FROM"]) delete process.env[key];
    resetEnvCache();
    await smtp?.close();
  });
  return () => {
    if (!smtp) throw new Error("the SMTP server starts in beforeAll");
    return smtp;
  };
}
