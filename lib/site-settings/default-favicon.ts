// The browser icon until an admin uploads one: a page on a slate square, 32 × 32
// PNG (218 bytes). Drawn once with a few lines of Node (zlib's deflateSync and
// crc32 over RGBA rows); neutral, so no installation shows another's mark.
const BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAoUlEQVR42mNgQALGjqGlxo6hZ4wdQ38aO4b+pzL+CTW7lAEdGDuGKkMl/9MJg+xSRnYAPS2HOwI52P8PEC4dKN8jQoFGCY7ohMlAjEJiwOmrD8lyBFUdQI4jqO4AUh1BEweQ4giaOYBYR1DNAdjA8HTAlMU78OLh74DRNDCaBkbTAKFgH/4OGE0DtHDAgDdKB7xZPrAdkwHvmg2KzulAds8Bl7wREPUiDqIAAAAASUVORK5CYII=";

export const DEFAULT_FAVICON = {
  bytes: Buffer.from(BASE64, "base64"),
  mediaType: "image/png",
} as const;
