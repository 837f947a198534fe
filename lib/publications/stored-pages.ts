import "server-only";
import { cache } from "react";
import {
  dropPagesLinkingToPapersGoneLive,
  lastPaperId,
  listMissingStoredPages,
  readStoredPage,
  renderEpoch,
  storeAheadAlone,
  writeStoredPage,
} from "@/lib/data/stored-pages";
import { attachStoredPages } from "@/lib/edge/bridge";
import { env } from "@/lib/env";
import { mailConfigured } from "@/lib/mail/transport";

/**
 * Hands the portal's server (server/stored-pages.ts) the store of papers'
 * whole pages. What a change drops is the database's business (triggers), so
 * that every way of changing a paper, editor or import or hand-made SQL, does.
 */
export function installStoredPages() {
  attachStoredPages({
    read: readStoredPage,
    write: writeStoredPage,
    missing: listMissingStoredPages,
    storeAheadAlone,
    lastPaperId,
    dropGoneLive: dropPagesLinkingToPapersGoneLive,
    // What a paper's page shows of this process's configuration: its absolute links, and
    // whether Send Email can send. A page rendered under another is not this instance's.
    configuration: JSON.stringify([env().APP_URL, mailConfigured()]),
  });
}

/**
 * The stored pages' epoch for the page being rendered (lib/data/stored-pages.ts),
 * read once per render: the first of the page's reads (its metadata's or its
 * body's) reads it, before any data the page shows.
 */
export const pageEpoch = cache(renderEpoch);
