/**
 * Marks an inline script that works without React: a page sent as plain HTML
 * (lib/render/static-page.ts) keeps it where it drops React's own. Apart from
 * static-page.ts so a client component can name it without the HTML parser.
 */
export const PLAIN_SCRIPT_ATTRIBUTE = "data-plain";
