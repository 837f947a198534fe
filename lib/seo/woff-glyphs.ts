import { inflateSync } from "node:zlib";

/**
 * The code points a WOFF font has glyphs for, read from its cmap table
 * (formats 4 and 12, the ones Noto's Unicode subsets use). A subset's
 * unicode-range names more than it draws, and satori fetches a font from
 * Google Fonts for any character the given fonts lack.
 */
export function woffCodePoints(woff: ArrayBuffer): Set<number> {
  const cmap = woffTable(woff, "cmap");
  const found = new Set<number>();
  if (!cmap) return found;
  const numTables = cmap.getUint16(2);
  const records = Array.from({ length: numTables }, (_, i) => ({
    platform: cmap.getUint16(4 + i * 8),
    encoding: cmap.getUint16(6 + i * 8),
    offset: cmap.getUint32(8 + i * 8),
  }));
  // Unicode full repertoire first, then the Basic Multilingual Plane.
  const record =
    records.find((r) => r.platform === 3 && r.encoding === 10) ??
    records.find((r) => r.platform === 0 && r.encoding >= 4) ??
    records.find((r) => r.platform === 3 && r.encoding === 1) ??
    records.find((r) => r.platform === 0);
  if (!record) return found;
  const format = cmap.getUint16(record.offset);
  if (format === 12) readFormat12(cmap, record.offset, found);
  else if (format === 4) readFormat4(cmap, record.offset, found);
  return found;
}

function woffTable(woff: ArrayBuffer, tag: string): DataView | null {
  const view = new DataView(woff);
  if (view.byteLength < 44 || view.getUint32(0) !== 0x774f4646) return null; // "wOFF"
  const numTables = view.getUint16(12);
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const name = String.fromCharCode(...new Uint8Array(woff, entry, 4));
    if (name !== tag) continue;
    const offset = view.getUint32(entry + 4);
    const compLength = view.getUint32(entry + 8);
    const origLength = view.getUint32(entry + 12);
    const bytes = new Uint8Array(woff, offset, compLength);
    const table = compLength < origLength ? inflateSync(bytes) : bytes;
    return new DataView(table.buffer, table.byteOffset, table.byteLength);
  }
  return null;
}

function readFormat4(cmap: DataView, at: number, found: Set<number>) {
  const segments = cmap.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = cmap.getUint16(ends + s * 2);
    const start = cmap.getUint16(starts + s * 2);
    const delta = cmap.getUint16(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = cmap.getUint16(rangeOffsetAt);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const index = cmap.getUint16(rangeOffsetAt + rangeOffset + (cp - start) * 2);
        glyph = index === 0 ? 0 : (index + delta) & 0xffff;
      }
      if (glyph !== 0) found.add(cp);
    }
  }
}

function readFormat12(cmap: DataView, at: number, found: Set<number>) {
  const groups = cmap.getUint32(at + 12);
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + g * 12;
    const start = cmap.getUint32(group);
    const end = cmap.getUint32(group + 4);
    const firstGlyph = cmap.getUint32(group + 8);
    for (let cp = start; cp <= end; cp++) if (firstGlyph + (cp - start) !== 0) found.add(cp);
  }
}
