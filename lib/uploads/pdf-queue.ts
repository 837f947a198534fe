import { UploadError } from "./errors";

/** PDFs read at once: each reading process may take PDF_READ_LIMITS' memory, so this bounds the sum. */
export const PDF_READ_CONCURRENCY = 2;
/**
 * Uploads waiting for a turn. A wait costs the server nothing (the file is on
 * disk, the request already received), but a longer line would make the last
 * editor wait minutes: past it an upload is refused, to be tried again.
 */
export const PDF_READ_QUEUE = 16;

let running = 0;
const waiting: (() => void)[] = [];

/** How many reads run and wait now. */
export function pdfReadLoad(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}

/**
 * Runs `read` once fewer than PDF_READ_CONCURRENCY reads run, in the order
 * asked. With a free slot, `read` starts before this function returns.
 */
export async function inReadQueue<T>(read: () => Promise<T>): Promise<T> {
  if (running < PDF_READ_CONCURRENCY) {
    running++;
  } else if (waiting.length < PDF_READ_QUEUE) {
    // The slot is handed over by the read that ends, so `running` never counts past the limit.
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    throw new UploadError("busy");
  }
  try {
    return await read();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
