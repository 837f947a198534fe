// Providers that ignore dots in the local part; googlemail.com is the same mailbox as gmail.com.
const DOTLESS_DOMAINS = new Map([
  ["gmail.com", "gmail.com"],
  ["googlemail.com", "gmail.com"],
]);

/**
 * The mailbox an address delivers to, as far as can be told from outside:
 * `A.B+news@googlemail.com` and `ab@gmail.com` are one person. Used only as
 * the per-recipient limit's key; mail still goes to the address as typed.
 */
export function normalizeRecipient(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at < 1) return lower;
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1).replace(/\.$/, "");
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  const dotless = DOTLESS_DOMAINS.get(domain);
  if (dotless) {
    domain = dotless;
    local = local.replaceAll(".", "");
  }
  return `${local}@${domain}`;
}
