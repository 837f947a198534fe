// MAIL_FROM read as mail software reads it: a display name and one address.
// No "server-only": lib/env.ts checks the variable with it at start-up.
// The file path, not the folder: Node's ES modules do not resolve folder imports.
import addressparser from "nodemailer/lib/addressparser/index.js";

export type Mailbox = { name: string; address: string; domain: string };

/** Host names, letters of any script (nodemailer sends them as punycode); one label, as localhost, too. */
const HOST =
  /^(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)*[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/** `Name <local@domain>` or `local@domain`, exactly one, or why not. */
export function parseMailbox(value: string): { ok: true; mailbox: Mailbox } | { ok: false; message: string } {
  const parsed = addressparser(value);
  const only = parsed.length === 1 ? parsed[0] : undefined;
  if (!only || "group" in only) return { ok: false, message: "must be one address such as Perspectives <no-reply@example.org>" };
  const at = only.address.lastIndexOf("@");
  const local = only.address.slice(0, at);
  const domain = only.address.slice(at + 1).toLowerCase();
  if (at < 1 || !HOST.test(domain) || /[\s<>]/.test(local)) {
    return { ok: false, message: "must be one address on a mail domain, such as Perspectives <no-reply@example.org>" };
  }
  return { ok: true, mailbox: { name: only.name, address: `${local}@${domain}`, domain } };
}

/**
 * Whether mail from this domain can leave the machine as the institute's:
 * not the machine itself (localhost, *.localhost: RFC 6761), not a name that
 * can never exist (*.invalid), not an unqualified name mail servers refuse.
 * The other reserved names stay allowed: .test and .example serve test and
 * staging deployments (the e2e suite runs production with perspectives.test),
 * and intranets name their mail hosts under .local or .internal.
 */
export function isPublicMailDomain(domain: string): boolean {
  return domain.includes(".") && !/(^|\.)(localhost|invalid)$/.test(domain);
}
