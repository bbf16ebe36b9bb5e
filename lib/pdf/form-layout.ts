import { PageSizes, rgb, type PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";

// A paper form drawn with pdf-lib: labelled fields, boxed sections, tables and ticked
// boxes flowing down US Letter pages, turning the page where the bottom margin comes.

// Three-quarters of an inch: inside the area every office printer reaches.
const MARGIN = 54;
const BODY_SIZE = 10;
const PADDING = 8;
const LABEL_WIDTH = 120;
// pdf-lib fills a rectangle black unless it is given only a border colour.
const outline = { borderColor: rgb(0, 0, 0), borderWidth: 0.8 };

/**
 * Helvetica is a WinAnsi font: pdf-lib throws on anything outside that set (emoji, CJK,
 * "ł"), so such characters print as "?" and any name a person typed still gives a form.
 * Every kind of space becomes a plain one (dates carry U+202F before "AM").
 */
function printable(text: string, font: PDFFont): string {
  let result = "";
  for (const character of text.replace(/\s/gu, " ")) {
    try {
      font.encodeText(character);
      result += character;
    } catch {
      result += "?";
    }
  }
  return result;
}

/** Lines of at most `maxWidth` points, breaking between words, or inside a word too long for a line; line breaks in the text are kept. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= maxWidth;
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = "";
    for (const word of printable(paragraph, font).split(" ").filter(Boolean)) {
      const joined = line ? `${line} ${word}` : word;
      if (fits(joined)) {
        line = joined;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (line.length > 1 && !fits(line)) {
        let cut = line.length - 1;
        while (cut > 1 && !fits(line.slice(0, cut))) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

type Cell = { text: string; x: number; width: number; bold?: boolean; size?: number; alignRight?: boolean; ticked?: boolean };

const TICK_INDENT = 16;

/** A top-down cursor over US Letter pages that turns the page before running into the bottom margin. */
export class FormLayout {
  private page!: PDFPage;
  private y = 0;
  private boxTop: number | null = null;
  readonly left = MARGIN;
  readonly width = PageSizes.Letter[0] - 2 * MARGIN;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.addPage();
  }

  /** Cells side by side, each wrapped within its width; the row is as tall as its longest cell. */
  row(cells: Cell[]) {
    const lineHeight = Math.max(...cells.map((cell) => cell.size ?? BODY_SIZE)) * 1.4;
    const wrapped = cells.map((cell) => wrapText(cell.text, this.fontOf(cell), cell.size ?? BODY_SIZE, cell.width));
    const lineCount = Math.max(...wrapped.map((lines) => lines.length));
    for (let index = 0; index < lineCount; index++) {
      this.claim(lineHeight);
      const baseline = this.y + lineHeight * 0.3;
      cells.forEach((cell, column) => {
        if (cell.ticked && index === 0) this.drawTick(cell.x - TICK_INDENT, baseline);
        const line = wrapped[column]![index];
        if (!line) return;
        const font = this.fontOf(cell);
        const size = cell.size ?? BODY_SIZE;
        const x = cell.alignRight ? cell.x + cell.width - font.widthOfTextAtSize(line, size) : cell.x;
        this.page.drawText(line, { x, y: baseline, size, font });
      });
    }
  }

  /** A bold label with its value beside it, the way a paper form pairs them. */
  field(label: string, value: string) {
    const inner = this.left + PADDING;
    this.row([
      { text: label, x: inner, width: LABEL_WIDTH - 4, bold: true },
      { text: value, x: inner + LABEL_WIDTH, width: this.width - 2 * PADDING - LABEL_WIDTH },
    ]);
  }

  /** A line of text inside a section, with a ticked box before it when `ticked`. */
  line(text: string, { ticked = false } = {}) {
    const indent = ticked ? TICK_INDENT : 0;
    this.row([{ text, x: this.left + PADDING + indent, width: this.width - 2 * PADDING - indent, ticked }]);
  }

  /** Columns of equal width across the section, for tables. */
  columns(texts: string[], { bold = false } = {}) {
    const columnWidth = (this.width - 2 * PADDING) / texts.length;
    this.row(texts.map((text, column) => ({ text, x: this.left + PADDING + column * columnWidth, width: columnWidth - 6, bold })));
  }

  section(title: string, body: () => void) {
    // A heading alone at the foot of a page reads as an empty section.
    if (this.y - 60 < MARGIN) this.addPage();
    this.claim(6);
    this.boxTop = this.y;
    this.claim(3);
    this.row([{ text: title, x: this.left + PADDING, width: this.width - 2 * PADDING, bold: true, size: 11 }]);
    body();
    this.claim(PADDING);
    this.closeBox(this.y);
    this.boxTop = null;
  }

  gap(height: number) {
    this.claim(height);
  }

  /**
   * `documentName` with page numbers on every page, so that loose sheets find their
   * document again, and the staff line on the last.
   */
  footer(documentName: string, staffLine: string) {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      const label = `${documentName}, page ${index + 1} of ${pages.length}`;
      const size = 8;
      page.drawText(label, { x: this.left + this.width - this.regular.widthOfTextAtSize(label, size), y: MARGIN - 32, size, font: this.regular });
    });
    pages.at(-1)!.drawText(staffLine, { x: this.left, y: MARGIN - 18, size: 9, font: this.regular });
  }

  private drawTick(x: number, baseline: number) {
    this.page.drawRectangle({ x, y: baseline - 1, width: 9, height: 9, ...outline });
    this.page.drawText("X", { x: x + 1.6, y: baseline + 0.6, size: 8, font: this.bold });
  }

  private fontOf(cell: Cell) {
    return cell.bold ? this.bold : this.regular;
  }

  // A box still open when the page turns is drawn down to the margin and reopened at the top of the next page.
  private claim(height: number) {
    if (this.y - height < MARGIN) {
      if (this.boxTop !== null) this.closeBox(MARGIN);
      this.addPage();
      if (this.boxTop !== null) this.boxTop = this.y;
    }
    this.y -= height;
  }

  private closeBox(bottom: number) {
    this.page.drawRectangle({ x: this.left, y: bottom, width: this.width, height: this.boxTop! - bottom, ...outline });
  }

  private addPage() {
    this.page = this.doc.addPage(PageSizes.Letter);
    this.y = this.page.getHeight() - MARGIN;
  }
}
