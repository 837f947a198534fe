/**
 * Papers a page of the catalogue shows, a listing's or a search's: here, apart
 * from the data layer, so that the benchmark's load generator can tell a full
 * page of results from the page it reads (scripts/bench/index.ts).
 */
export const PAGE_SIZE = 20;
