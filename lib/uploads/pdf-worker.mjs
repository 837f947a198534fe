// Reads an uploaded PDF with pdf.js (through unpdf) in a child process of its
// own, which lib/uploads/pdf.ts starts with hard limits on its memory and time
// and stops the moment it passes them: a hostile or pathological file costs
// this process, never the server. Plain JavaScript because the server runs it
// from disk, outside the app bundle.
//
// In: one IPC message { path } or { bytes }, with { maxTextBytes, maxTextPages }.
// Out: one IPC message { ok: true, pageCount, text } or { ok: false, reason }.
import { readFile } from "node:fs/promises";
import { getDocumentProxy } from "unpdf";

/** @typedef {{ path?: string; bytes?: Uint8Array; maxTextBytes: number; maxTextPages: number }} Job */

/** @param {Job} job */
async function read(job) {
  const data = job.path === undefined ? job.bytes : await readFile(job.path);
  // pdf.js refuses a Buffer (what readFile gives, and what a Buffer sent here arrives as): a plain view of it.
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let document;
  try {
    // Verbosity 0 = errors only.
    document = await getDocumentProxy(bytes, { verbosity: 0 });
  } catch (error) {
    return { ok: false, reason: error?.name === "PasswordException" ? "encrypted" : "corrupt" };
  }
  try {
    const pageCount = document.numPages;
    // Page by page, stopping at the text or page budget, so a 20,000-page file is not read to the end for nothing.
    const lastPage = Math.min(pageCount, job.maxTextPages);
    const pages = [];
    let size = 0;
    for (let number = 1; number <= lastPage && size <= job.maxTextBytes; number++) {
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

process.once("message", (/** @type {Job} */ job) => {
  void read(job).then((result) => process.send?.(result, () => process.disconnect()));
});
