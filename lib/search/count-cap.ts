/**
 * Papers a search counts one by one, unless SEARCH_COUNT_CAP says otherwise
 * (lib/env.ts takes this as its default; lib/data/publications.ts passes the
 * setting). Past this many the listing says "more than 1,000", each facet whose
 * own count passes it lists its values without numbers, and the pages stop at
 * this many results. Counting every match of a common word exactly took most of
 * a search's time at 100,000 papers (a word in half of them: 50,000 matches,
 * about 4.6 µs each to map, group and count).
 */
export const COUNT_CAP = 1000;
