import "server-only";
import { loadCatalogue } from "@/lib/data/catalogue-page";
import { attachCatalogue } from "@/lib/edge/bridge";

/** Hands the portal's server (server/catalogue-pages.ts) the catalogue's reading, which needs the database. */
export function installCatalogue() {
  attachCatalogue({ load: loadCatalogue });
}
