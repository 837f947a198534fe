import LinkifyIt from "linkify-it";
import tlds from "tlds";

/**
 * What a reader's own words in a mail from the institute may not carry:
 * something a recipient could follow (a link, an address to write to) or
 * markup that pretends to be formatting. Ordinary prose ("e.g.", "U.S.",
 * "3.5%", "2024.10.01") passes.
 */
export const READER_TEXT_PROBLEMS = ["containsMarkup", "containsEmail", "containsLink"] as const;
export type ReaderTextProblem = (typeof READER_TEXT_PROBLEMS)[number];

// Every registered TLD, not only the classic few: phishing lives on .click, .top, .xyz.
let linkify: LinkifyIt | undefined;
const links = () => (linkify ??= new LinkifyIt({}, { fuzzyIP: true }).tlds(tlds));

/** Undoes the disguises that keep a link readable to people but not to filters. */
function unmask(text: string): string {
  return (
    text
      // Full-width and compatibility forms (．／：＠) become their ASCII selves.
      .normalize("NFKC")
      // Zero-width and direction marks hidden inside a name.
      .replace(/\p{Cf}/gu, "")
      // Ideographic full stops, which browsers accept as dots in a host name.
      .replace(/[\u3002\uFF61]/g, ".")
      // Defanged forms: evil[.]com, evil(dot)com, name[at]evil.com, hxxp[:]//.
      .replace(/\s*[[({]\s*(?:\.|dot)\s*[\])}]\s*/giu, ".")
      .replace(/\s*[[({]\s*(?:@|at)\s*[\])}]\s*/giu, "@")
      .replace(/\s*[[({]\s*:\s*[\])}]\s*/gu, ":")
      // Korean runs straight on after an address ("evil.com에서"): split so the address ends.
      .replace(/([A-Za-z0-9])(?=[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu, "$1 ")
  );
}

const HTML_ELEMENTS =
  "a|abbr|applet|area|audio|b|base|bgsound|blockquote|body|br|button|canvas|center|code|details|dialog|div|em|embed|font|form|frame|frameset|h[1-6]|head|hr|html|i|iframe|image|img|input|isindex|label|li|link|map|marquee|math|meta|noscript|object|ol|option|p|param|picture|plaintext|pre|s|script|select|small|source|span|strong|style|sub|summary|sup|svg|table|td|template|textarea|th|title|tr|track|u|ul|video|xmp";

const MARKUP: RegExp[] = [
  // Known HTML elements, closed or not: <a href…, <img, </b>, <script.
  new RegExp(`<\\/?(?:${HTML_ELEMENTS})(?=[\\s/>]|$)`, "i"),
  // Any tag with an attribute: <x onclick=…. ("<Foreign Affairs>" as a title in Korean prose passes.)
  /<[a-z][a-z0-9-]*\s[^<>]*=/i,
  // Comments, doctypes, CDATA, processing instructions.
  /<!--|<!\[CDATA\[|<![a-z]|<\?/i,
  // Character references that spell what a filter would catch: &#104;ttp, &lt;a, &amp;.
  /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i,
  // Markdown links and images: [text](target), ![alt](src); reference definitions: [id]: target.
  /\[[^[\]\n]*\]\s*\([^)\n]*\)/,
  /^\s*\[[^\]\n]+\]:\s*\S/m,
  // BBCode links and images: [url=…], [img]….
  /\[\/?(?:url|img|link|email)\b[^\]]*\]/i,
];

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:\p{L}{2,}|xn--[a-z0-9-]+)/iu;

const LINK: RegExp[] = [
  // Any scheme, including disguised ones (hxxp://, h**ps://); prose never has "://".
  /:\s*\/\//,
  /(?:^|[^\p{L}\p{N}])www\d{0,3}\./iu,
  /\b(?:javascript|vbscript|mailto):/i,
];

/** The first thing wrong with a reader's text, or null when it is plain prose. */
export function readerTextProblem(text: string): ReaderTextProblem | null {
  // Markup is looked for before unmasking too: unmasking would turn "[at](x)" into an address.
  if (MARKUP.some((re) => re.test(text))) return "containsMarkup";
  const plain = unmask(text);
  if (MARKUP.some((re) => re.test(plain))) return "containsMarkup";
  const found = links().match(plain) ?? [];
  if (EMAIL.test(plain) || found.some((m) => m.schema === "mailto:")) return "containsEmail";
  if (found.length > 0 || LINK.some((re) => re.test(plain))) return "containsLink";
  return null;
}
