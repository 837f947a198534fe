// The paper page's islands: the few parts of a paper's page that act in the
// browser, as custom elements over the markup the server rendered. They work
// the same in a page served as plain HTML, without React
// (server/stored-pages.ts), and in one React renders after a navigation
// inside the site. Bundled by scripts/lib/islands-bundle.ts.
import { defineIslands } from "./define";
import { FindInPaper } from "./find-in-paper";
import { PrintPage } from "./print-page";
import { SendEmail } from "./send-email";
import { ShareLink } from "./share-link";

defineIslands({
  "send-email": SendEmail,
  "share-link": ShareLink,
  "print-page": PrintPage,
  "find-in-paper": FindInPaper,
});
