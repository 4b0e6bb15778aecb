import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

/**
 * An A4 document in French with DejaVu Sans embedded as "text" and "bold" (French formats put a
 * narrow no-break space, U+202F, in amounts, which the standard PDF fonts lack), dated by `at` in
 * its metadata so the same content gives the same bytes; `done` resolves with them after `doc.end()`.
 */
export async function letterDocument(info: { title: string; author: string; at: Date }): Promise<{
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
}> {
  // Loaded on first use: a server's start stays short (pdfkit and its fonts take a while to load).
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: info.title, Author: info.author, CreationDate: info.at, ModDate: info.at },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("text", FONT);
  doc.registerFont("bold", FONT_BOLD);
  return { doc, done };
}
