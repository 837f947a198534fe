// Reads an uploaded PDF with pdf.js (through unpdf) in a worker thread, so a
// hostile or pathological file costs this thread's time and memory, which
// lib/uploads/pdf.ts limits, and never the server's. Plain JavaScript because
// the server loads it from disk at run time, outside the app bundle.
import { parentPort, workerData } from "node:worker_threads";
import { getDocumentProxy } from "unpdf";

/** @type {{ bytes: Uint8Array; maxTextBytes: number }} */
const { bytes, maxTextBytes } = workerData;

async function read() {
  let document;
  try {
    // Verbosity 0 = errors only.
    document = await getDocumentProxy(bytes, { verbosity: 0 });
  } catch (error) {
    return { ok: false, reason: error?.name === "PasswordException" ? "encrypted" : "corrupt" };
  }
  try {
    const pageCount = document.numPages;
    // Page by page, stopping once the limit is reached, so a 2,000-page file is not read to the end for nothing.
    const pages = [];
    let size = 0;
    for (let number = 1; number <= pageCount && size <= maxTextBytes; number++) {
      try {
        const content = await (await document.getPage(number)).getTextContent();
        const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
        pages.push(text);
        size += Buffer.byteLength(text);
      } catch (error) {
        // The file opened and counted its pages; one unreadable page costs search text, not the upload.
        console.warn(`PDF text extraction failed on page ${number}`, error);
      }
    }
    return { ok: true, pageCount, text: pages.join("\n") };
  } finally {
    await document.loadingTask.destroy();
  }
}

parentPort.postMessage(await read());
