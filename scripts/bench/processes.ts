// What the benchmark reads about the portal's processes from /proc, from
// outside, without asking them: which processes the portal keeps (a process
// and its descendants), their memory and their CPU time.
import { readFileSync } from "node:fs";

/** A process and its descendants (those alive now). */
export function family(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // the process ended meanwhile
  }
  return [pid, ...children.flatMap(family)];
}

function status(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
  } catch {
    return 0; // the process ended meanwhile
  }
}

/** Resident memory of a process and its descendants together now, in bytes. */
export function treeRss(pid: number): number {
  return family(pid).reduce((sum, p) => sum + status(p, "VmRSS"), 0);
}

/** The most a process alone has had resident (VmHWM), in bytes. */
export function ownPeak(pid: number): number {
  return status(pid, "VmHWM");
}

/** Linux counts CPU time in ticks of 1/100 s (USER_HZ) in /proc/<pid>/stat. */
const MS_PER_TICK = 10;

/**
 * CPU time used by a process and its descendants, in ms: what the process
 * would read from process.cpuUsage(), read from outside without asking it.
 */
export function cpuTime(pid: number): number {
  let ticks = 0;
  for (const p of family(pid)) {
    try {
      // After the command name: state is field 3, utime 14 and stime 15 (1-based).
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * MS_PER_TICK;
}
