// Which failures mean "the database cannot be reached right now" (a passing
// fault: answer 503, keep the views, try again) rather than a defect in a
// query. One rule for the pg driver's errors, Prisma's and its driver
// adapter's, wherever they surface. No database access here: the HTTP server
// (server/) reads it too.

// Socket errors of a connection that cannot be made or was cut.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// Prisma: can't reach, timed out, server closed the connection, no connection from the pool in time.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Prisma's driver adapter, when the pg error is a connection error.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL: connection exceptions (08…), shutting down or starting up (57P01–57P03), too many connections, out of disk.
const SQLSTATE = /^(?:08[0-9A-Z]{3}|57P0[123]|53300|53100)$/;
// The pg driver's own messages for a connection that went away or never came.
const MESSAGES =
  /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Can't reach database server|the database system is (?:starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;

type Loose = {
  code?: unknown;
  syscall?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  kind?: unknown;
  meta?: { driverAdapterError?: unknown };
};

function matches(e: Loose): boolean {
  const code = typeof e.code === "string" ? e.code : "";
  if (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || SQLSTATE.test(code)) return true;
  // A Unix socket (the embedded database) that is gone.
  if (code === "ENOENT" && e.syscall === "connect") return true;
  if (typeof e.kind === "string" && (ADAPTER_KINDS.has(e.kind) || (e.kind === "postgres" && SQLSTATE.test(code)))) return true;
  return typeof e.message === "string" && MESSAGES.test(e.message);
}

/** Whether `error`, or any error it wraps, passes `test`. */
function anyInChain(error: unknown, test: (e: Loose) => boolean): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (typeof e !== "object" || e === null || seen.has(e)) continue;
    seen.add(e);
    const loose = e as Loose;
    if (test(loose)) return true;
    // Wrapped: Error.cause, AggregateError (one error per address tried), Prisma's driver adapter error.
    queue.push(loose.cause, loose.meta?.driverAdapterError);
    if (Array.isArray(loose.errors)) queue.push(...(loose.errors as unknown[]));
  }
  return false;
}

/** True when `error` (or what it wraps) says the database cannot be reached, not that a query is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return anyInChain(error, matches);
}

// A database that answers but is not set up for the portal, as PostgreSQL
// (SQLSTATE), Prisma and its driver adapter each say it. Not passing faults:
// the operator has something to do, which a command-line script says.
const SETUP_PROBLEMS = {
  "missing-database": { sqlstate: ["3D000"], prisma: ["P1003"], kind: "DatabaseDoesNotExist" },
  "missing-tables": { sqlstate: ["42P01"], prisma: ["P2021"], kind: "TableDoesNotExist" },
  "refused-credentials": { sqlstate: ["28P01", "28000"], prisma: ["P1000"], kind: "AuthenticationFailed" },
} as const;
export type DatabaseSetupProblem = keyof typeof SETUP_PROBLEMS;

/** What is wrong with the database's set-up, when `error` says so (no such database, no tables yet, credentials refused). */
export function databaseSetupProblem(error: unknown): DatabaseSetupProblem | null {
  for (const [problem, { sqlstate, prisma, kind }] of Object.entries(SETUP_PROBLEMS)) {
    const codes: readonly string[] = [...sqlstate, ...prisma];
    if (anyInChain(error, (e) => (typeof e.code === "string" && codes.includes(e.code)) || e.kind === kind))
      return problem as DatabaseSetupProblem;
  }
  return null;
}

/** One line for the log: what failed, without a stack. */
export function describeDatabaseError(error: unknown): string {
  if (typeof error !== "object" || error === null) return String(error);
  const { code, message } = error as Loose;
  // Prisma's messages start with the call site, over several lines; the last line says what happened.
  const text = typeof message === "string" ? (message.trim().split("\n").pop() ?? "").trim() : "";
  return [text || (error as Error).name, typeof code === "string" && !text.includes(code) ? `(${code})` : ""]
    .filter(Boolean)
    .join(" ");
}
