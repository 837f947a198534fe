import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { E2E_MAIL_DIR } from "./e2e-env";

/** Mails the e2e SMTP server received for one (unique) address, oldest first. */
export async function mailsTo(address: string): Promise<ParsedMail[]> {
  const arrived = (f: string) => f.slice(f.indexOf("--") + 2);
  const files = (await readdir(E2E_MAIL_DIR).catch(() => []))
    .filter((f) => f.split("--")[0]!.split(",").includes(address))
    .sort((a, b) => arrived(a).localeCompare(arrived(b)));
  return Promise.all(files.map(async (f) => simpleParser(await readFile(path.join(E2E_MAIL_DIR, f)))));
}
