/** The store's time zone: days (due dates, signatures, joins) are the store's days. */
export const STORE_TIME_ZONE = "America/New_York";

/** Dates as staff read them, in the store's time zone. */
export function formatDateTime(value: Date | string | null | undefined) {
  if (!value) return "—";
  return new Date(value).toLocaleString("en-US", {
    timeZone: STORE_TIME_ZONE,
    dateStyle: "medium",
    timeStyle: "short",
  });
}

/** Money kept in integer cents, as "$1,234.50". */
export function formatCents(cents: number) {
  return (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });
}

/** The store's calendar day at `at` (now by default), as YYYY-MM-DD. */
export function storeDay(at: Date = new Date()) {
  return at.toLocaleDateString("en-CA", { timeZone: STORE_TIME_ZONE });
}

/** A YYYY-MM-DD day as people read it: "December 26, 2026". */
export function formatDay(day: string | null | undefined) {
  if (!day) return "—";
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", { timeZone: "UTC", dateStyle: "long" });
}

/** The instant a store day (YYYY-MM-DD) begins, daylight saving included. */
export function startOfStoreDay(day: string) {
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: STORE_TIME_ZONE, timeZoneName: "longOffset" })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((part) => part.type === "timeZoneName")!.value.replace("GMT", "");
  return new Date(`${day}T00:00:00${offset || "Z"}`);
}

/** The calendar day after a YYYY-MM-DD day. */
export function nextDay(day: string) {
  return new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
