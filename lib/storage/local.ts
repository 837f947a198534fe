import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ByteRange, Storage, StoredObject } from "./types";

const KEY_PATTERN = /^[a-z0-9][a-z0-9/_-]*$/;

/** Files under one directory; the temporary file is renamed into place so a failed write leaves nothing. */
export class LocalStorage implements Storage {
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    if (!KEY_PATTERN.test(key) || key.includes("..")) throw new Error(`Invalid storage key: ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, data: Buffer | Readable): Promise<StoredObject> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = path.join(path.dirname(target), `.tmp-${randomUUID()}`);
    try {
      await pipeline(Buffer.isBuffer(data) ? Readable.from([data]) : data, createWriteStream(temp, { flags: "wx" }));
      await rename(temp, target);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    const s = await stat(target);
    return { size: s.size, modifiedAt: s.mtime };
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const s = await stat(this.pathOf(key));
      return s.isFile() ? { size: s.size, modifiedAt: s.mtime } : null;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  read(key: string, range?: ByteRange): Promise<Readable> {
    return Promise.resolve(createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : undefined));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
