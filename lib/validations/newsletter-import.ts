import "./zod-config";
import { z } from "zod";
import { IMPORT_MAX_LABEL } from "@/lib/model/newsletter-import";
import { emailAddress } from "./fields";

/** A line's address as a signup would store it (trimmed, lowercased), or null when it is not one. */
export function importAddressOf(value: string): string | null {
  const parsed = emailAddress.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const importFileMessages = {
  missing: "Choose the CSV file of the list.",
  tooLarge: `This file is larger than ${IMPORT_MAX_LABEL}. Split the list into smaller files and import each.`,
  notText: "This file is not a CSV text file in UTF-8. In your spreadsheet, save it as “CSV UTF-8” and choose that file.",
  empty: "This file is empty. Choose the CSV file of the list.",
  noEmailColumn: "The first row must name the columns, and one of them must be “email”. Add that header row and send the file again.",
  repeatedColumn: "The header row names a column twice. Keep one “email”, one “name” and one “lists” column.",
  noSpace: "The server has no room to store this file right now, so nothing was saved. Ask an administrator to free disk space, then send it again.",
  quotaFull: "The space for uploaded files is full, so this file was not saved. Ask an administrator to make room, then send it again.",
} as const;

/** The import button: which staged file to import. */
export const importNewsletterListSchema = z.object({
  file: z.string().regex(/^[0-9a-f]{32}$/, { error: "This import is no longer waiting. Upload the file again." }),
});
