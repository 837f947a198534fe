// pglite-socket (0.2.x) runs the wire-protocol messages of all connections
// through one queue, one message at a time, and keeps a connection's messages
// together only inside a transaction. But a query with parameters is several
// messages (Parse, Bind, Describe, Execute, then Sync), all about the one
// unnamed statement: when two connections' messages interleave, one binds the
// other's statement ("bind message supplies 1 parameters, but prepared
// statement requires 2", "unnamed prepared statement does not exist"). Two
// readers at once on `npm start`'s embedded database got 500s and 503s.
//
// This keeps each connection's messages together until its Sync (or a simple
// Query, or its Terminate), as inside a transaction. It replaces one method of
// the library's queue on the server it is given; it checks that the queue
// still looks as this code expects and refuses to start otherwise, so a
// library upgrade that changed it is noticed at once.
import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

type Item = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

type Queue = {
  queue: Item[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

// The message types that end a unit of work: Sync, simple Query, Terminate.
const ENDS_A_SEQUENCE = new Set(["S", "Q", "X"].map((c) => c.charCodeAt(0)));
const PROTOCOL_3 = 196608;

/** A unit of work by itself: the connection's startup message (no type byte: length, then protocol 3.0), or one of the above. */
function endsASequence(message: Uint8Array): boolean {
  if (message.length >= 8 && new DataView(message.buffer, message.byteOffset, 8).getInt32(4) === PROTOCOL_3) return true;
  return ENDS_A_SEQUENCE.has(message[0] ?? 0);
}

function isQueue(value: unknown): value is Queue {
  const q = value as Partial<Queue> | null;
  return (
    typeof q === "object" &&
    q !== null &&
    Array.isArray(q.queue) &&
    typeof q.processQueue === "function" &&
    typeof q.clearQueueForHandler === "function" &&
    typeof q.db === "object"
  );
}

/** Makes the server run each connection's protocol sequence whole (see above). */
export function keepProtocolSequencesWhole(server: PGLiteSocketServer): void {
  const q = (server as unknown as { queryQueue?: unknown }).queryQueue;
  if (!isQueue(q))
    throw new Error("@electric-sql/pglite-socket's query queue is not what scripts/lib/pglite-protocol-order.ts expects");
  // The connection whose sequence is open (no Sync yet): only its messages run until it ends.
  let open: number | null = null;
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId) => {
    // A connection that went away mid-sequence must not hold the others up.
    if (open === handlerId) open = null;
    clear(handlerId);
  };
  q.processQueue = async function processQueue(this: Queue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = this.db.isInTransaction() && this.lastHandlerId !== null ? this.lastHandlerId : open;
        const at = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        // The owner's next message has not arrived yet: the others wait (enqueue runs this again).
        if (at === -1) break;
        const [item] = this.queue.splice(at, 1);
        if (!item) break;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          open = null;
          item.reject(error);
          continue;
        }
        open = endsASequence(item.message) ? null : item.handlerId;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }.bind(q);
}
