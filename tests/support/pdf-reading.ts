// What the PDF limit tests need: a hostile PDF, and a look at the processes that read PDFs.
import { readdirSync, readFileSync } from "node:fs";
import { createDeflate } from "node:zlib";

/**
 * A valid one-page PDF of about 1 MB whose content stream inflates to `gib`
 * GiB of spaces. Deflated as a stream, 1 MiB at a time, so making it costs
 * this process a few megabytes.
 */
export async function decompressionBomb(gib: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => compressed.push(chunk));
  const ended = new Promise((resolve) => deflate.once("end", resolve));
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < gib * 1024; i++) {
    if (!deflate.write(spaces)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await ended;
  const stream = Buffer.concat(compressed);

  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (part: string | Buffer) => {
    const bytes = typeof part === "string" ? Buffer.from(part, "latin1") : part;
    parts.push(bytes);
    length += bytes.length;
  };
  const object = (n: number, ...body: (string | Buffer)[]) => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    body.forEach(push);
    push("\nendobj\n");
  };
  push("%PDF-1.7\n");
  object(1, "<< /Type /Catalog /Pages 2 0 R >>");
  object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R >>");
  object(4, `<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, stream, "\nendstream");
  const xref = length;
  push("xref\n0 5\n0000000000 65535 f \n");
  for (const n of [1, 2, 3, 4]) push(`${String(offsets[n]).padStart(10, "0")} 00000 n \n`);
  push(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** This process's live children running lib/uploads/pdf-worker.mjs, with their resident memory (Linux /proc). */
export function pdfReadingProcesses(): { pid: number; residentMb: number }[] {
  const found: { pid: number; residentMb: number }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (command) state ppid …": the command may hold spaces and parentheses.
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent !== process.pid) continue;
      if (!readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("pdf-worker.mjs")) continue;
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1];
      found.push({ pid: Number(entry), residentMb: Number(kb ?? 0) / 1024 });
    } catch {
      // ended while being looked at
    }
  }
  return found;
}
