import type { Readable } from "node:stream";

export type ByteRange = { start: number; end: number }; // inclusive, as in HTTP Range

export type StoredObject = { size: number; modifiedAt: Date };

/** Where attachment bytes live. Keys are opaque and never derived from user input. */
export interface Storage {
  /** Writes atomically: readers see the whole object or nothing. */
  put(key: string, data: Buffer | Readable): Promise<StoredObject>;
  /** Null when the object is missing. */
  stat(key: string): Promise<StoredObject | null>;
  read(key: string, range?: ByteRange): Promise<Readable>;
  delete(key: string): Promise<void>;
}
