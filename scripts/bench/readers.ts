// What a day of readers asks for, as lists of requests the load generator
// sends in turn: articles spread over the whole catalogue by Zipf's law (a
// newsletter's few new papers, search engines and old links over thousands of
// old ones), first views of papers nobody asked for yet, and the mix of
// articles, listings, searches and downloads a portal serves.
import { locales } from "@/lib/i18n/routing";
import { fixedSequence } from "./vocabulary";

export type ReaderRequest = {
  path: string;
  kind: "article" | "listing" | "search" | "download";
  headers?: Record<string, string>;
};

/** The bench catalogue's paper `n` (1-based): odd ones Korean, even ones English (catalogue.ts). */
const paperId = (n: number) => 1_000_000 + n;
const articlePath = (n: number) => `/${n % 2 === 1 ? "ko" : "en"}/publications/${paperId(n)}`;

/** 1..size in a fixed shuffled order. */
function shuffled(size: number, seed: number): number[] {
  const next = fixedSequence(seed);
  const out = Array.from({ length: size }, (_, i) => i + 1);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * `count` article requests over `size` papers by Zipf's law with exponent
 * `s` (the paper of rank r is asked for in proportion to 1 / r^s), the ranks
 * shuffled against the ids so that popularity has nothing to do with age.
 */
export function zipfArticles(size: number, count: number, s = 1.1, seed = 11): ReaderRequest[] {
  const byRank = shuffled(size, seed);
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let r = 1; r <= size; r++) cumulative[r - 1] = total += 1 / r ** s;
  const next = fixedSequence(seed + 1);
  return Array.from({ length: count }, () => {
    const u = next() * total;
    // The first rank whose cumulative weight reaches u.
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return { path: articlePath(byRank[lo]!), kind: "article" as const };
  });
}

/** Every paper once, in a shuffled order: first views, which no page copy can answer. */
export function coldArticles(size: number, seed = 23): ReaderRequest[] {
  return shuffled(size, seed).map((n) => ({ path: articlePath(n), kind: "article" as const }));
}

/**
 * `count` requests: 70 % Zipf articles, 15 % listings with random filters,
 * 10 % searches from `searches` (which no cache has seen), 5 % downloads of
 * a paper's PDF, half of them a Range request as PDF viewers send.
 */
export function mixedRequests(
  size: number,
  count: number,
  o: { searches: string[]; seriesSlugs: string[]; attachmentOf: (paper: number) => number },
): ReaderRequest[] {
  const next = fixedSequence(37);
  const articles = zipfArticles(size, count, 1.1, 41);
  const thisYear = new Date().getFullYear();
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  let searches = 0;
  return articles.map((article, i) => {
    const u = next();
    if (u < 0.7) return article;
    if (u < 0.85) {
      const params = new URLSearchParams();
      if (next() < 0.5) params.set("series", pick(o.seriesSlugs));
      if (next() < 0.5) params.set("year", String(thisYear - Math.floor(next() * 8)));
      if (next() < 0.3) params.set("page", String(2 + Math.floor(next() * 5)));
      const qs = params.toString();
      return { path: `/${pick([...locales])}/publications${qs ? `?${qs}` : ""}`, kind: "listing" };
    }
    if (u < 0.95) return { path: o.searches[searches++ % o.searches.length]!, kind: "search" };
    const n = 1 + Math.floor(next() * size);
    return {
      path: `${articlePath(n)}/files/${o.attachmentOf(paperId(n))}`,
      kind: "download",
      ...(i % 2 === 0 ? { headers: { range: "bytes=0-65535" } } : {}),
    };
  });
}
