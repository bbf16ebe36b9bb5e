import type { CsvParse } from "./csv-parse";
import { FIRST_NAME_MAX, type ListAudience, type SubscriberStatus } from "./newsletter";

// What an import of an existing mailing list will do, line by line, decided before anything
// is written: the preview shows it, and the import's transaction decides it again from the
// same file and the database as it then stands. Pure: unit tests read it without a database.

/** The largest CSV staff may upload: 10,000 lines of address, name and lists fit with room to spare. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_LABEL = "2 MB";
/** How long an uploaded file waits for its import before the daily maintenance deletes it. */
export const STAGED_IMPORT_KEEP_HOURS = 24;
/** The type a staged import's upload row carries: no other upload is a CSV, so it also tells staged files apart. */
export const STAGED_IMPORT_TYPE = "text/csv";
/** How many bad lines and duplicates the preview names, each; the rest are counted. */
export const IMPORT_LINES_SHOWN = 200;

/** The columns a file may have; any other column is ignored (and said so). */
export const importColumns = ["email", "name", "lists"] as const;
type ImportColumn = (typeof importColumns)[number];

/** Why a line is not imported. */
export type ImportLineReason =
  | "bad_address"
  | "unknown_list"
  | "archived_list"
  | "owners_only_list"
  | "no_list"
  | "name_too_long"
  | "name_control"
  | "too_many_fields"
  | "unclosed_quote";

export const importLineReasonWords: Record<ImportLineReason, (detail: string) => string> = {
  bad_address: (detail) => (detail ? `“${detail}” is not an email address.` : "No email address."),
  unknown_list: (detail) => `No list is called “${detail}”.`,
  archived_list: (detail) => `The list “${detail}” is archived: nobody can join it.`,
  owners_only_list: (detail) => `“${detail}” is for owners only: owners join it themselves from their account page.`,
  no_list: () => "No list given, and no list is ticked for new signups.",
  name_too_long: () => `The name is longer than ${FIRST_NAME_MAX} characters.`,
  name_control: () => "The name holds control characters.",
  too_many_fields: (detail) => `This line has ${detail} fields, more than the header row.`,
  unclosed_quote: () => "A quote opened on this line is never closed, so the rest of the file could not be read.",
};

export type ImportList = { id: number; slug: string; name: string; audience: ListAudience; joinByDefault: boolean; archived: boolean };

/** An address to import: the first line it is on, its name, the lists it joins. */
export type ImportEntry = { line: number; email: string; name: string | null; listIds: number[] };
export type BadLine = { line: number; reason: ImportLineReason; detail: string };
export type DuplicateLine = { line: number; firstLine: number; email: string };

export type ImportPlan = {
  /** Lines with something on them, the header row excepted. */
  lines: number;
  entries: ImportEntry[];
  bad: BadLine[];
  duplicates: DuplicateLine[];
  /** Addresses already subscribed or waiting for confirmation: left as they are. */
  alreadyThere: number;
  /** Addresses that unsubscribed before: never added again, never emailed. */
  unsubscribedBefore: number;
  /** Columns of the header the import does not read. */
  ignoredColumns: string[];
};

/** Why a whole file is refused before any line is read. */
export type ImportFileProblem = "empty" | "no_email_column" | "repeated_column";

/** A preview's detail, at most this long: a line may be anything. */
const shown = (value: string) => (value.length > 80 ? `${value.slice(0, 79)}…` : value);
// Control characters other than tab (C0, DEL, C1): never part of a name.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
const LIST_SEPARATOR = /[;|]/;

/** The header row's columns, by position; or why the file cannot be imported. */
export function readImportHeader(parsed: CsvParse): { columns: Partial<Record<ImportColumn, number>>; ignored: string[] } | { problem: ImportFileProblem } {
  const header = parsed.records[0];
  if (!header) return { problem: "empty" };
  const columns: Partial<Record<ImportColumn, number>> = {};
  const ignored: string[] = [];
  for (const [index, raw] of header.fields.entries()) {
    const name = raw.trim().toLowerCase();
    if (!(importColumns as readonly string[]).includes(name)) {
      if (name) ignored.push(shown(raw.trim()));
      continue;
    }
    if (columns[name as ImportColumn] !== undefined) return { problem: "repeated_column" };
    columns[name as ImportColumn] = index;
  }
  if (columns.email === undefined) return { problem: "no_email_column" };
  return { columns, ignored };
}

/** The addresses of a parsed file's lines, as stored, to look up before planning. */
export function importAddresses(parsed: CsvParse, addressOf: (value: string) => string | null): string[] {
  const header = readImportHeader(parsed);
  if ("problem" in header) return [];
  const column = header.columns.email!;
  const found = new Set<string>();
  for (const record of parsed.records.slice(1)) {
    const email = addressOf((record.fields[column] ?? "").trim());
    if (email) found.add(email);
  }
  return [...found];
}

/**
 * Decides every line of a parsed file: a line whose address is not one is bad; a line
 * repeating an address of an earlier line is a duplicate of it; then a line with a list
 * that cannot be joined or a name that cannot be kept is bad; an address the portal knows
 * is left as it is (`statusOf`); what remains is imported. `addressOf` turns a field into
 * the address as stored (trimmed, lowercased) or null when it is not one.
 */
export function planImport(
  parsed: CsvParse,
  lists: ImportList[],
  addressOf: (value: string) => string | null,
  statusOf: (email: string) => SubscriberStatus | undefined,
): ImportPlan | { problem: ImportFileProblem } {
  const header = readImportHeader(parsed);
  if ("problem" in header) return header;
  const { columns } = header;
  const byKey = new Map<string, ImportList>();
  for (const list of lists) {
    byKey.set(list.slug.toLowerCase(), list);
    byKey.set(list.name.trim().toLowerCase(), list);
  }
  const defaults = lists.filter((list) => list.joinByDefault && list.audience === "everyone" && !list.archived).map((list) => list.id);
  const plan: ImportPlan = { lines: 0, entries: [], bad: [], duplicates: [], alreadyThere: 0, unsubscribedBefore: 0, ignoredColumns: header.ignored };
  const firstLineOf = new Map<string, number>();
  const width = parsed.records[0]!.fields.length;

  const listsOf = (value: string): { ids: number[] } | { reason: ImportLineReason; detail: string } => {
    const names = value.split(LIST_SEPARATOR).map((name) => name.trim()).filter(Boolean);
    if (names.length === 0) return defaults.length > 0 ? { ids: defaults } : { reason: "no_list", detail: "" };
    const ids = new Set<number>();
    for (const name of names) {
      const list = byKey.get(name.toLowerCase());
      if (!list) return { reason: "unknown_list", detail: shown(name) };
      if (list.archived) return { reason: "archived_list", detail: list.name };
      if (list.audience !== "everyone") return { reason: "owners_only_list", detail: list.name };
      ids.add(list.id);
    }
    return { ids: [...ids] };
  };

  for (const record of parsed.records.slice(1)) {
    plan.lines++;
    const field = (column: ImportColumn) => (columns[column] === undefined ? "" : (record.fields[columns[column]!] ?? ""));
    const bad = (reason: ImportLineReason, detail = "") => void plan.bad.push({ line: record.line, reason, detail });
    const raw = field("email").trim();
    const email = addressOf(raw);
    if (!email) {
      bad("bad_address", shown(raw));
      continue;
    }
    const first = firstLineOf.get(email);
    if (first !== undefined) {
      plan.duplicates.push({ line: record.line, firstLine: first, email });
      continue;
    }
    firstLineOf.set(email, record.line);
    if (record.fields.length > width) {
      bad("too_many_fields", String(record.fields.length));
      continue;
    }
    const name = field("name").trim();
    if (name.length > FIRST_NAME_MAX) {
      bad("name_too_long");
      continue;
    }
    if (CONTROL.test(name)) {
      bad("name_control");
      continue;
    }
    const chosen = listsOf(field("lists"));
    if ("reason" in chosen) {
      bad(chosen.reason, chosen.detail);
      continue;
    }
    const status = statusOf(email);
    if (status === "unsubscribed") plan.unsubscribedBefore++;
    else if (status) plan.alreadyThere++;
    else plan.entries.push({ line: record.line, email, name: name || null, listIds: chosen.ids });
  }
  if (parsed.unclosedQuoteAt !== null) {
    plan.lines++;
    plan.bad.push({ line: parsed.unclosedQuoteAt, reason: "unclosed_quote", detail: "" });
  }
  return plan;
}
