import { isbot } from "isbot";
import counterRobots from "./data/counter-robots.json";

// The COUNTER list as one case-insensitive expression, compiled once per process.
const counterPattern = new RegExp(counterRobots.map((r) => `(?:${r.pattern})`).join("|"), "i");

/** A robot by the COUNTER list or by isbot's wider list; a missing user agent counts as a robot. */
export function isRobot(userAgent: string | null | undefined): boolean {
  const ua = userAgent ?? "";
  return counterPattern.test(ua) || isbot(ua);
}
