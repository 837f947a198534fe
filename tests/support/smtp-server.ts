// The SMTP server behind the Vitest mail tests (smtp.ts) and the e2e run's
// mail catcher (e2e/support/mail-catcher.ts). No test runner imports here:
// the e2e server process loads it too.
import { SMTPServer, type SMTPServerEnvelope } from "smtp-server";

/** An SMTP server on 127.0.0.1:`port` (0: any free one) that passes each mail's bytes and envelope to `onMail`. */
export async function listenForMail(port: number, onMail: (raw: Buffer, envelope: SMTPServerEnvelope) => Promise<void> | void) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        Promise.resolve(onMail(Buffer.concat(chunks), session.envelope)).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}
