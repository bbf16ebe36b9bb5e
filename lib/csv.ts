/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with = + - @ (or a tab or
 * carriage return before one) as a formula, so a name like `=HYPERLINK(...)` typed into
 * a public form would run on a staff computer. A leading ' makes it plain text.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
