import type { Locale } from "@/lib/i18n/routing";
import type { SocialLink, SocialNetwork } from "./types";

// Proper names, so not in the message files; Korean where the service has its own Korean name.
const NAMES: Record<Exclude<SocialNetwork, "other">, string | Record<Locale, string>> = {
  x: "X",
  facebook: "Facebook",
  instagram: "Instagram",
  youtube: "YouTube",
  linkedin: "LinkedIn",
  threads: "Threads",
  bluesky: "Bluesky",
  "naver-blog": { ko: "네이버 블로그", en: "Naver Blog" },
  "kakao-channel": { ko: "카카오톡 채널", en: "KakaoTalk Channel" },
};

/** The name a footer link shows: the network's, or for "other" the address's host. */
export function socialNetworkName(link: SocialLink, locale: Locale): string {
  if (link.network === "other") {
    try {
      return new URL(link.url).hostname.replace(/^www\./, "");
    } catch {
      return link.url;
    }
  }
  const name = NAMES[link.network];
  return typeof name === "string" ? name : name[locale];
}
