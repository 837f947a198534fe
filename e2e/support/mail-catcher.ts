// A real SMTP server for the e2e run. It files every mail it receives as an
// .eml under a folder the specs read, keyed by their unique recipients.
import { mkdirSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { listenForMail } from "@/tests/support/smtp-server";

export async function startMailCatcher(dir: string, port: number) {
  mkdirSync(dir, { recursive: true });
  return listenForMail(port, (raw, envelope) => {
    const to = envelope.rcptTo.map((r) => r.address).join(",");
    // After the recipients, the time it arrived, so that names sort in arrival order.
    const arrived = String(Date.now()).padStart(15, "0");
    writeFileSync(path.join(dir, `${to}--${arrived}-${randomUUID()}.eml`), raw);
  });
}
