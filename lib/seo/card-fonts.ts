import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { LRUCache } from "lru-cache";
import { woffCodePoints } from "./woff-glyphs";

/**
 * Noto Sans KR (SIL Open Font License) for the link-preview cards, as
 * @fontsource/noto-sans-kr ships it: each weight cut into ~125 woff files
 * (satori reads woff, not woff2) of a Unicode slice each, with the slices
 * listed in unicode.json. A card loads only the slices its text needs.
 * Read from node_modules at run time: the package is no part of the bundle.
 */
const PACKAGE_DIR = path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans-kr");

export type CardFontWeight = 400 | 700;
export type CardFont = { name: string; data: ArrayBuffer; weight: CardFontWeight; style: "normal" };
export type CardRun = { text: string; weight: CardFontWeight };

/** The family every card text names first; the other slices are satori's per-glyph fallbacks. */
export const CARD_FONT_FAMILY = "card-latin";

type Slice = { data: ArrayBuffer; glyphs: Set<number> };

// Every slice of both weights is ~6.6 MB; the bound only matters if more weights are ever used.
const loaded = new LRUCache<string, Slice>({
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (s) => s.data.byteLength + s.glyphs.size * 8,
});
const loading = new Map<string, Promise<Slice>>();

/**
 * One slice file. The same ArrayBuffer is handed out each time, so satori
 * parses it once (it keeps parsed fonts by their data) while it stays here.
 */
function slice(name: string, weight: CardFontWeight): Promise<Slice> {
  const file = `noto-sans-kr-${name}-${weight}-normal.woff`;
  const cached = loaded.get(file);
  if (cached) return Promise.resolve(cached);
  let pending = loading.get(file);
  if (!pending) {
    pending = readFile(path.join(PACKAGE_DIR, "files", file))
      .then((bytes) => {
        const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
        const loadedSlice = { data, glyphs: woffCodePoints(data) };
        loaded.set(file, loadedSlice);
        return loadedSlice;
      })
      .finally(() => loading.delete(file));
    loading.set(file, pending);
  }
  return pending;
}

type SliceMap = { names: string[]; byCodePoint: Uint8Array };
let sliceMap: Promise<SliceMap> | undefined;

/** Which slice holds each code point (0: none). Where slices overlap, Latin first, then the listed order. */
async function loadSliceMap(): Promise<SliceMap> {
  const ranges = JSON.parse(await readFile(path.join(PACKAGE_DIR, "unicode.json"), "utf8")) as Record<string, string>;
  const keys = Object.keys(ranges).sort((a, b) => Number(b.startsWith("latin")) - Number(a.startsWith("latin")));
  const names: string[] = [];
  const byCodePoint = new Uint8Array(0x10000);
  for (const key of keys) {
    names.push(key.replace(/^\[(\d+)\]$/, "$1"));
    for (const range of (ranges[key] ?? "").split(",")) {
      const [start = NaN, end = start] = range
        .trim()
        .replace(/^U\+/i, "")
        .split("-")
        .map((h) => parseInt(h, 16));
      for (let cp = start; cp <= Math.min(end, 0xffff); cp++) byCodePoint[cp] ||= names.length;
    }
  }
  return { names, byCodePoint };
}

function getSliceMap() {
  sliceMap ??= loadSliceMap().catch((error: unknown) => {
    sliceMap = undefined;
    throw error;
  });
  return sliceMap;
}

// Pictographs are drawn as emoji images, and marks left after NFC as part of
// a cluster: satori would fetch either from a CDN.
const UNDRAWABLE = /[\p{Extended_Pictographic}\p{M}]/u;

// Noto Sans KR draws curly quotes full-width, as Korean sets them; in English text they would leave gaps.
const STRAIGHT: Record<string, string> = { "‘": "'", "’": "'", "“": '"', "”": '"' };

/**
 * Each text as the card can draw it, and the slices it needs in its weight.
 * A character no slice has a glyph for is left out: satori would otherwise
 * fetch a font from Google Fonts for it, and nothing is fetched from another
 * host (a title keeps its full form in og:title).
 */
export async function typesetCard<K extends string>(
  runs: Record<K, CardRun>,
  language: "ko" | "en",
): Promise<{ text: Record<K, string>; fonts: CardFont[] }> {
  const { names, byCodePoint } = await getSliceMap();
  const wanted = new Set<string>();
  const text = {} as Record<K, string>;
  for (const key of Object.keys(runs) as K[]) {
    const { text: raw, weight } = runs[key];
    wanted.add(`latin|${weight}`);
    let out = "";
    const normalized = raw.normalize("NFC");
    for (const ch of language === "en" ? normalized.replace(/[‘’“”]/g, (q) => STRAIGHT[q] ?? q) : normalized) {
      if (/\s/u.test(ch)) {
        out += " ";
        continue;
      }
      const cp = ch.codePointAt(0) ?? 0;
      const name = cp <= 0xffff ? names[(byCodePoint[cp] ?? 0) - 1] : undefined;
      if (!name || UNDRAWABLE.test(ch) || !(await slice(name, weight)).glyphs.has(cp)) continue;
      wanted.add(`${name}|${weight}`);
      out += ch;
    }
    text[key] = out.replace(/ {2,}/g, " ").trim();
  }
  const fonts = [...wanted].map(async (entry): Promise<CardFont> => {
    const [name = "latin", w] = entry.split("|");
    const weight = Number(w) as CardFontWeight;
    return { name: `card-${name}`, data: (await slice(name, weight)).data, weight, style: "normal" };
  });
  return { text, fonts: await Promise.all(fonts) };
}
