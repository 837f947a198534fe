import type { Locale } from "@/lib/i18n/routing";

/** Open Graph's recommended size: Facebook, KakaoTalk and X's large card all crop it well. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** The card's path: one per paper, under its canonical page. */
export function publicationCardPath(p: { id: number; language: Locale }) {
  return `/${p.language}/publications/${p.id}/card.png`;
}

/**
 * The card's absolute address, from APP_URL (never the request's host). The
 * version changes with the paper, so previews that cache images by URL
 * (Facebook, KakaoTalk) fetch the new card after an edit.
 */
export function publicationCardUrl(p: { id: number; language: Locale; updatedAt: Date }, appUrl: string) {
  return `${appUrl}${publicationCardPath(p)}?v=${Math.floor(p.updatedAt.getTime() / 1000)}`;
}
