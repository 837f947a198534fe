/**
 * The wall clock in epoch milliseconds, for counting. Next.js wraps
 * `Date.now` in the server's process (to notice time read while a page is
 * prerendered), and the wrapper costs more than the reading: two async-context
 * lookups, about 2 µs on a request's path in a CPU profile. Counting reads the
 * time of every page view, so it reads the wall clock at most once a second
 * and adds the monotonic clock's progress since, which Next leaves alone (its
 * own advice for time that is not shown). Whole milliseconds, as Date.now.
 */
const RESYNC_MS = 1000;
let wall = 0;
let readAt = Number.NEGATIVE_INFINITY;

export function countingClockMs(): number {
  const now = performance.now();
  if (now - readAt >= RESYNC_MS) {
    wall = Date.now();
    readAt = now;
    return wall;
  }
  return wall + Math.floor(now - readAt);
}
