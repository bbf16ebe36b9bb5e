import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "@/lib/csv";
import { flowerProgramLabels } from "./labels";

/** One ownership as the point-of-sale export lists it. */
export type OwnerExportRow = {
  ownerNumber: number;
  name: string;
  email: string;
  phone: string | null;
  streetAddress: string | null;
  locality: string | null;
  region: string | null;
  postalCode: string | null;
  /** Names of the other household members, in order. */
  household: string[];
  planName: string;
  paidCents: number;
  /** Program keys as the application stored them; printed by their labels. */
  flowerPrograms: string[];
  flowerVerifiedUntil: string | null;
  joinedOn: string;
  status: string;
};

const columns = [
  "owner_number",
  "name",
  "email",
  "phone",
  "street_address",
  "city",
  "state",
  "zip",
  "household",
  "equity_plan",
  "equity_paid",
  "flower_programs",
  "flower_verified_until",
  "joined_on",
  "status",
] as const;

/** Owners as CSV with a header row, for the point-of-sale system and spreadsheets. */
export function ownersCsv(rows: OwnerExportRow[]): string {
  const text = (value: string | null) => neutraliseFormula(value ?? "");
  const records = rows.map(
    (row): Record<(typeof columns)[number], string | number> => ({
      owner_number: row.ownerNumber,
      name: text(row.name),
      email: text(row.email),
      phone: text(row.phone),
      street_address: text(row.streetAddress),
      city: text(row.locality),
      state: text(row.region),
      zip: text(row.postalCode),
      household: text(row.household.join("; ")),
      equity_plan: text(row.planName),
      equity_paid: (row.paidCents / 100).toFixed(2),
      flower_programs: text(flowerProgramLabels(row.flowerPrograms).join("; ")),
      flower_verified_until: text(row.flowerVerifiedUntil),
      joined_on: text(row.joinedOn),
      status: text(row.status),
    }),
  );
  return stringify(records, {
    header: true,
    columns: [...columns],
    // RFC 4180 ends records with CRLF.
    record_delimiter: "windows",
    // Without a byte order mark Excel reads the file as the system code page and garbles accented names.
    bom: true,
  });
}
