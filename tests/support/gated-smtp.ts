// An SMTP server for the alert tests that can hold its answers. While held,
// a mail's data is in but not acknowledged; a mail whose sender went away
// before the acknowledgement is dropped, as a real server drops a
// transaction its client broke off. Recipients starting with "refused-" get
// a permanent 550, as an unknown mailbox would; "later-" a passing 451 once.
import type net from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type GatedMail = { to: string; parsed: ParsedMail };

export async function startGatedSmtp({ ackDelayMs = 0 } = {}) {
  const received: GatedMail[] = [];
  const refusedAttempts: string[] = [];
  const open = new Set<string>();
  const closed = new Set<string>();
  const greylisted = new Set<string>();
  let held: Promise<void> | null = null;
  let release: () => void = () => undefined;
  let dropped = 0;
  let waiting = 0;
  // How many more mails are answered before the server holds by itself (null: no such limit).
  let answersLeft: number | null = null;
  function hold() {
    held ??= new Promise<void>((r) => (release = r));
  }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      // "later-…": a greylisting server's first answer, a passing 451; accepted when tried again.
      if (address.address.startsWith("later-") && !greylisted.has(address.address)) {
        greylisted.add(address.address);
        return callback(Object.assign(new Error("4.7.1 Greylisted, try again later"), { responseCode: 451 }));
      }
      if (address.address.startsWith("refused-")) {
        refusedAttempts.push(address.address);
        return callback(Object.assign(new Error(`5.1.1 <${address.address}>: User unknown`), { responseCode: 550 }));
      }
      callback();
    },
    onConnect(session, callback) {
      open.add(session.id);
      callback();
    },
    onClose(session) {
      open.delete(session.id);
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        void (async () => {
          if (ackDelayMs) await new Promise((r) => setTimeout(r, ackDelayMs));
          waiting++;
          for (;;) {
            if (held) await held;
            else if (answersLeft === 0) hold();
            else break;
          }
          if (answersLeft !== null) answersLeft--;
          waiting--;
          if (closed.has(session.id)) {
            dropped++;
            return callback(new Error("client gone"));
          }
          const parsed = await simpleParser(Buffer.concat(chunks));
          for (const r of session.envelope.rcptTo) received.push({ to: r.address, parsed });
          callback();
        })();
      });
    },
  });
  // A client killed mid-mail (the two-instance test) may reset its connection: the server reports
  // that as an "error" event, which unheard would end the test process; the session closes as usual.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refusedAttempts,
    dropped: () => dropped,
    /** Mails whose data is in, held unacknowledged. */
    waiting: () => waiting,
    /** Client connections not yet closed. */
    openSessions: () => open.size,
    to: (address: string) => received.filter((m) => m.to === address),
    /** Acknowledges `n` more mails, then holds the rest until resume(). */
    holdAfter(n: number) {
      answersLeft = n;
    },
    resume() {
      answersLeft = null;
      held = null;
      release();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
