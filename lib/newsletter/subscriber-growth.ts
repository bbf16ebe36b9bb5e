import { storeDay } from "@/lib/model/format";

export type ConsentSpan = { confirmedAt: Date; unsubscribedAt: Date | null };
export type MonthCount = { month: string; count: number };

/** "2026-03" for a month `back` months before the one holding `now` (in the store's time zone). */
function monthBefore(now: Date, back: number) {
  const [year, month] = storeDay(now).split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

const monthOf = (at: Date) => storeDay(at).slice(0, 7);

/**
 * Confirmed subscribers at the end of each of the last `months` months (the current one
 * counted up to now): someone counts from the month they confirmed until the month they
 * unsubscribed. Confirming again clears the unsubscribe date, so each row is one span.
 */
export function confirmedSubscribersByMonth(spans: ConsentSpan[], now: Date, months = 12): MonthCount[] {
  const labels = Array.from({ length: months }, (_, index) => monthBefore(now, months - 1 - index));
  return labels.map((month) => ({
    month,
    count: spans.filter((span) => monthOf(span.confirmedAt) <= month && (!span.unsubscribedAt || monthOf(span.unsubscribedAt) > month)).length,
  }));
}

/** "Mar 2026" for "2026-03". */
export function monthLabel(month: string) {
  return new Date(`${month}-15T12:00:00Z`).toLocaleDateString("en-US", { timeZone: "UTC", month: "short", year: "numeric" });
}
