import { inflateSync } from "node:zlib";
import { PDFArray, PDFDocument, PDFRawStream } from "pdf-lib";

/**
 * Every string a PDF made by pdf-lib shows, in drawing order. pdf-lib writes each
 * drawText as `<hex> Tj` inside Flate-compressed content streams; Helvetica's WinAnsi
 * codes read back as latin1 for plain text. Throws if `PDFDocument.load` cannot parse it.
 */
export async function pdfShownText(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().flatMap((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    return streams.flatMap((stream) => {
      if (!(stream instanceof PDFRawStream)) throw new Error("Expected a raw content stream");
      const operators = inflateSync(stream.contents).toString("latin1");
      return [...operators.matchAll(/<([0-9A-F]*)> Tj/g)].map(([, hex]) => Buffer.from(hex!, "hex").toString("latin1"));
    });
  });
}
