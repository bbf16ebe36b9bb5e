"use client";

import { useSyncExternalStore } from "react";

const neverChanges = () => () => {};
const today = () =>
  new Date().toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" });

/**
 * "Printed <today>", in the reader's own time zone. The print page is prerendered and
 * cached, so a date rendered on the server would be the day the cache was filled; this
 * one is filled in by the browser (and left out without JavaScript).
 */
export function PrintedOn() {
  const date = useSyncExternalStore(neverChanges, today, () => null);
  return date ? <p>Printed {date}</p> : null;
}
