// A small CSV reader (RFC 4180 and what spreadsheets write): fields split by commas,
// quoted fields may hold commas, doubled quotes and line breaks, lines end in LF or CRLF.
// Pure: the import's preview, its commit and unit tests read files through it. Only
// csv-stringify (writing) is a dependency; reading needs line numbers for every record,
// which is what staff see in the preview, so it is kept here, small.

/** One record and the line of the file it starts on (a quoted line break makes a record span lines). */
export type CsvRecord = { line: number; fields: string[] };

export type CsvParse = {
  records: CsvRecord[];
  /** The line of a record whose quote is never closed: that record and the rest of the file could not be read. */
  unclosedQuoteAt: number | null;
};

/**
 * Reads `text` (already decoded, without a byte-order mark) into records. Empty lines are
 * skipped (their number still counts), so a file's line numbers are those an editor shows.
 */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  /** Whether the current record has anything in it yet (an empty line has not). */
  let started = false;
  const endField = () => {
    fields.push(field);
    field = "";
  };
  const endRecord = () => {
    if (started) {
      endField();
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = "";
    started = false;
  };
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"') {
        if (text[at + 1] === '"') {
          field += '"';
          at++;
        } else quoted = false;
      } else {
        if (char === "\n") line++;
        field += char;
      }
      continue;
    }
    if (char === "\r" && text[at + 1] === "\n") continue;
    if (char === "\n" || char === "\r") {
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    if (!started) {
      started = true;
      recordLine = line;
    }
    if (char === ",") endField();
    else if (char === '"' && field === "") quoted = true;
    else field += char;
  }
  if (quoted) return { records, unclosedQuoteAt: recordLine };
  endRecord();
  return { records, unclosedQuoteAt: null };
}

/**
 * A file's bytes as text, when they are text: UTF-8 (a byte-order mark is dropped), and no
 * NUL byte, which no text file holds and every binary format does early on. Null otherwise:
 * a spreadsheet's own format, a picture, a file in another encoding.
 */
export function decodeTextFile(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
