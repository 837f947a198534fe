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
 * The fields of /proc/<pid>/stat after the command name, from 0: state 0, the
 * parent 1, utime 11, stime 12, and the CPU time of ended children it has
 * waited for, cutime 13 and cstime 14. Null when there is no such process (it
 * ended, or it is not on this machine).
 */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may itself hold ") ": the fields follow the last.
    return stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
  } catch {
    return null;
  }
}

const ticks = (fields: string[] | null, from: number, to: number) =>
  fields ? fields.slice(from, to + 1).reduce((sum, f) => sum + Number(f), 0) : 0;

/**
 * CPU time used by a process and its descendants, in ms: what the process
 * would read from process.cpuUsage(), read from outside without asking it.
 */
export function cpuTime(pid: number): number {
  return family(pid).reduce((sum, p) => sum + ticks(statFields(p), 11, 12), 0) * MS_PER_TICK;
}

/** The command name of a process on this machine (as `ps -o comm` shows it); null when there is none. */
function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return null;
  }
}

/**
 * The postmaster of the PostgreSQL server whose backend has this pid, when
 * that server runs on this machine (a server elsewhere, or in a container of
 * its own, has pids that mean nothing here): null otherwise.
 */
export function postmasterOf(backendPid: number): number | null {
  if (commandOf(backendPid) !== "postgres") return null;
  const parent = Number(statFields(backendPid)?.[1]);
  return Number.isInteger(parent) && commandOf(parent) === "postgres" ? parent : null;
}

/**
 * CPU time used so far by a PostgreSQL server on this machine, in ms: its
 * postmaster's and every backend's and helper's, both those running and those
 * that have ended (the postmaster waits for each, and Linux adds its time to the
 * postmaster's children's), so a connection closed between two readings still counts.
 */
export function postgresCpuTime(postmaster: number): number {
  const children = family(postmaster).slice(1);
  const own = ticks(statFields(postmaster), 11, 14);
  return (own + children.reduce((sum, p) => sum + ticks(statFields(p), 11, 12), 0)) * MS_PER_TICK;
}
