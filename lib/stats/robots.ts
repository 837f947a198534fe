import { isbot } from "isbot";
import counterRobots from "./data/counter-robots.json";

// The COUNTER list as one case-insensitive expression, compiled once per process.
const counterPattern = new RegExp(counterRobots.map((r) => `(?:${r.pattern})`).join("|"), "i");

// Testing both lists takes about 15 µs, the largest part of counting a view;
// readers' browsers send a few hundred distinct user agents between them, so
// each is judged once. Bounded in count and length; a cache, not state. A
// plain Map, emptied when full, rather than an LRU: its lookup on every view
// cost about 2 µs in a CPU profile, and a full map only means judging again.
const verdicts = new Map<string, boolean>();
const REMEMBERED = 5000;
const REMEMBERED_LENGTH = 512;

/** A robot by the COUNTER list or by isbot's wider list; a missing user agent counts as a robot. */
export function isRobot(userAgent: string | null | undefined): boolean {
  const ua = userAgent ?? "";
  const known = verdicts.get(ua);
  if (known !== undefined) return known;
  const robot = counterPattern.test(ua) || isbot(ua);
  if (ua.length <= REMEMBERED_LENGTH) {
    if (verdicts.size >= REMEMBERED) verdicts.clear();
    verdicts.set(ua, robot);
  }
  return robot;
}
