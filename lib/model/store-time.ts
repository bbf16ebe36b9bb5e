import { STORE_TIME_ZONE } from "./format";

/**
 * Times as staff type them into a `datetime-local` field: the store's wall clock, with no
 * offset. The server turns them into instants, so that an election set from a laptop in
 * another time zone still opens at the store's 9 a.m.
 */

const wallClock = new Intl.DateTimeFormat("en-CA", {
  timeZone: STORE_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant as the store's wall clock reads it, in the form a `datetime-local` field takes: "2027-03-01T09:00". */
export function storeDateTimeInput(at: Date) {
  const part = Object.fromEntries(wallClock.formatToParts(at).map(({ type, value }) => [type, value]));
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant the store's clock shows `value` ("2027-03-01T09:00"), or null when no such
 * time exists: a malformed value, a day that is not in the calendar, or a time the clocks
 * skip when summer time begins. When the clocks go back, an hour that happens twice is
 * taken the first time.
 */
export function instantFromStoreDateTime(value: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return null;
  const asUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]));
  if (Number.isNaN(asUtc)) return null;
  // The zone's offset at a guess near the answer, then at the answer, covers a change of offset between the two.
  const offsetAt = (instant: number) => Date.parse(`${storeDateTimeInput(new Date(instant))}:00Z`) - instant;
  const candidates = [asUtc - offsetAt(asUtc - 12 * 3_600_000), asUtc - offsetAt(asUtc + 12 * 3_600_000)].sort((a, b) => a - b);
  const found = candidates.find((instant) => storeDateTimeInput(new Date(instant)) === value);
  return found === undefined ? null : new Date(found);
}
