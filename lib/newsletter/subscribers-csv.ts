import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "@/lib/csv";

export type SubscriberExportRow = {
  email: string;
  firstName: string | null;
  signedUpAt: Date;
  confirmedAt: Date | null;
  confirmIp: string | null;
};

const columns = ["email", "first_name", "signed_up_at", "confirmed_at", "confirm_ip"] as const;

/**
 * Confirmed subscribers as CSV with their proof of consent (when and from where they
 * confirmed), safe to open in a spreadsheet: every text cell is formula-neutralised,
 * since the address and first name were typed into a public form.
 */
export function subscribersCsv(rows: SubscriberExportRow[]): string {
  const text = (value: string | null) => neutraliseFormula(value ?? "");
  const records = rows.map(
    (row): Record<(typeof columns)[number], string> => ({
      email: text(row.email),
      first_name: text(row.firstName),
      signed_up_at: row.signedUpAt.toISOString(),
      confirmed_at: row.confirmedAt?.toISOString() ?? "",
      confirm_ip: text(row.confirmIp),
    }),
  );
  // CRLF records (RFC 4180) and a byte order mark so that Excel reads UTF-8 names right.
  return stringify(records, { header: true, columns: [...columns], record_delimiter: "windows", bom: true });
}
