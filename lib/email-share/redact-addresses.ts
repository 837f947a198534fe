const BRACKETED = /<[^<>]*@[^<>]*>/g;
const QUOTED_LOCAL = /"[^"\r\n]*"@[^\s<>"'(),;:[\]]+/g;
const BARE = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g;

/** SMTP error text with every mail address replaced, so the log keeps the reason and not the person. */
export function redactAddresses(text: string): string {
  return text.replace(BRACKETED, "<address>").replace(QUOTED_LOCAL, "<address>").replace(BARE, "<address>");
}
