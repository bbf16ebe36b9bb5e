"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { ApplicationValues } from "./application-steps";

const DRAFT_KEY = "coop:owner-application-draft";
const listeners = new Set<() => void>();
const empty: ApplicationValues = {};
let cached: { raw: string | null; values: ApplicationValues } = { raw: null, values: empty };

function readDraft(): ApplicationValues {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(DRAFT_KEY);
  } catch {
    // Storage disabled (some private modes): no draft.
  }
  if (raw !== cached.raw) {
    let values = empty;
    try {
      const parsed: unknown = JSON.parse(raw ?? "null");
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) values = parsed as ApplicationValues;
    } catch {
      // An unreadable draft is no draft.
    }
    cached = { raw, values };
  }
  return cached.values;
}

function writeDraft(values: ApplicationValues) {
  try {
    window.localStorage.setItem(DRAFT_KEY, JSON.stringify(values));
  } catch {
    // Storage full or disabled: keep the values in memory so the form still works.
    cached = { raw: cached.raw, values };
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => event.key === DRAFT_KEY && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/**
 * What the person typed, kept in this browser's localStorage so that a refresh or a
 * closed tab loses nothing; it never leaves the browser before submit, and the thank-you
 * page clears it. The prerendered HTML shows `initial` (what a no-JavaScript submit sent back).
 */
export function useApplicationDraft(initial: ApplicationValues | undefined) {
  // The server snapshot must be the same object on every call, hence `empty`.
  const values = useSyncExternalStore(subscribe, readDraft, () => initial ?? empty);
  const setValue = useCallback((name: string, value: string | undefined) => {
    const next = { ...readDraft() };
    if (value === undefined || value === "") delete next[name];
    else next[name] = value;
    writeDraft(next);
  }, []);
  return [values, setValue] as const;
}

export function clearApplicationDraft() {
  try {
    window.localStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing to clear.
  }
}
