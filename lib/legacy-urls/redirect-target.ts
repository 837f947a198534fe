import "server-only";
import { findLegacyTarget } from "@/lib/data/legacy-urls";
import { findRedirectRule } from "@/lib/data/redirect-rules";
import { parseLegacyAddress } from "./canonical";

/**
 * Where an old address (path and query, as the request names it) now lives:
 * the imported paper it names (its page in its own language), else the staff
 * rule for its path; null when neither, and the request gets its 404.
 */
export async function oldAddressTarget(url: string): Promise<string | null> {
  const address = parseLegacyAddress(url);
  if (!address) return null;
  const paper = await findLegacyTarget(address);
  if (paper) return `/${paper.language}/publications/${paper.publicationId}`;
  return findRedirectRule(address.path);
}
