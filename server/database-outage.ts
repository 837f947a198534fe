// The edge's part in a database outage. While the app finds its database
// unreachable (lib/db-outage.ts, set by the data layer the moment a connection
// fails), a page or route that fails answers 503 with Retry-After, "try again
// shortly", not 500, "broken"; pages in Next's cache are still served as
// usual. And the log gets one line per outage, not a stack per request.
import { ServerResponse, type IncomingMessage, type OutgoingHttpHeader, type OutgoingHttpHeaders } from "node:http";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { RETRY_AFTER_SECONDS, databaseRecentlyUnavailable, noteDatabaseError } from "@/lib/db-outage";

type Headers = OutgoingHttpHeaders | OutgoingHttpHeader[];

/**
 * The server's responses (http.createServer's `ServerResponse` option). Every
 * status goes through writeHead, also when Next.js only sets statusCode.
 */
export class OutageAwareResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  override writeHead(statusCode: number, statusMessage?: string, headers?: Headers): this;
  override writeHead(statusCode: number, headers?: Headers): this;
  override writeHead(statusCode: number, messageOrHeaders?: string | Headers, headers?: Headers): this {
    const extra = typeof messageOrHeaders === "string" ? headers : messageOrHeaders;
    if (statusCode === 500 && databaseRecentlyUnavailable()) {
      this.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      this.setHeader("Cache-Control", "no-store");
      return super.writeHead(503, extra);
    }
    return typeof messageOrHeaders === "string"
      ? super.writeHead(statusCode, messageOrHeaders, headers)
      : super.writeHead(statusCode, extra);
  }
}

/**
 * Next.js logs every failed render with its stack: during an outage, one per
 * request. Errors that only say the database is unreachable are noted instead
 * (lib/db-outage.ts logs the first one and counts the rest); others pass.
 */
export function limitDatabaseErrorLogs(): () => void {
  const error = console.error;
  console.error = (...args: unknown[]) => {
    const unavailable = args.find((a) => a instanceof Error && isDatabaseUnavailable(a));
    if (unavailable && noteDatabaseError(unavailable, { unlogged: true })) return;
    error.apply(console, args);
  };
  return () => void (console.error = error);
}
