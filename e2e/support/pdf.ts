import { createHash } from "node:crypto";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** A small real PDF with some text, and its SHA-256. */
export async function makePdf(text: string) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < 2; i++) doc.addPage([595, 842]).drawText(`${text} (page ${i + 1})`, { x: 50, y: 780, size: 14, font });
  const bytes = Buffer.from(await doc.save());
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}
