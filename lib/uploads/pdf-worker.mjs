// Reads uploaded and imported PDFs with pdf.js (through unpdf) in a child
// process of its own, which lib/uploads/pdf-readers.ts starts with hard limits
// on its memory and watches over each file's time and memory, killing it the
// moment a file passes them: a hostile or pathological file costs this
// process, never the server. The process stays for the next files (starting
// Node and pdf.js costs ~100 ms, more than reading a typical paper), one file
// at a time. Plain JavaScript because the server runs it from disk, outside
// the app bundle.
//
// In: IPC messages { id, path } or { id, bytes }, with { maxTextBytes, maxTextPages }.
// Out: one IPC message per job, { id, ok: true, pageCount, text } or { id, ok: false, reason }.
import { readFile } from "node:fs/promises";
import { getDocumentProxy } from "unpdf";

/** @typedef {{ id: number; path?: string; bytes?: Uint8Array; maxTextBytes: number; maxTextPages: number }} Job */

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
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
        pages.push(text);
        size += Buffer.byteLength(text);
        // Frees the page's fonts and operator lists now, not when the document goes.
        page.cleanup();
      } catch (error) {
        // The file opened and counted its pages; one unreadable page costs search text, not the upload.
        console.warn(`PDF text extraction failed on page ${number}`, error);
      }
    }
    // A form feed between pages, so search can say on which page a phrase is.
    return { ok: true, pageCount, text: pages.join("\f") };
  } finally {
    await document.loadingTask.destroy();
  }
}

// Jobs come one at a time (the parent waits for each answer), so they never overlap.
process.on("message", (/** @type {Job} */ job) => {
  void read(job)
    .catch(() => ({ ok: false, reason: "corrupt" }))
    .then((result) => process.send?.({ id: job.id, ...result }));
});
// The parent went (or let this reader go): nothing more will come.
process.on("disconnect", () => process.exit(0));
