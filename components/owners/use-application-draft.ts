"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { ApplicationValues } from "./application-steps";

const DRAFT_KEY = "coop:owner-application-draft";
/** Long enough to finish an application begun before a weekend; short enough that a forgotten tab does not keep it. */
const DRAFT_MAX_AGE_MS = 3 * 24 * 60 * 60_000;

/**
 * What the draft never stores. FLOWER answers say that a household lives on SNAP,
 * Medicaid or the like; the agreement step signs and consents, which means something only
 * on the day it is done. Both are a few clicks to give again after a reload.
 */
const neverStored = ["flower.", "agreement."];

const listeners = new Set<() => void>();
const empty: ApplicationValues = {};
/** Every answer, sensitive ones included, lives here; storage holds only the rest. Null: not read from storage yet. */
let inMemory: ApplicationValues | null = null;

type StoredDraft = { savedAt: number; values: ApplicationValues };

function storedDraft(): StoredDraft | null {
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(DRAFT_KEY) ?? "null");
    if (!parsed || typeof parsed !== "object" || !("savedAt" in parsed) || !("values" in parsed)) return null;
    const { savedAt, values } = parsed as { savedAt: unknown; values: unknown };
    if (typeof savedAt !== "number" || Date.now() - savedAt > DRAFT_MAX_AGE_MS) return null;
    if (!values || typeof values !== "object" || Array.isArray(values)) return null;
    return { savedAt, values: values as ApplicationValues };
  } catch {
    // Storage disabled (some private modes) or an unreadable draft: no draft.
    return null;
  }
}

function readDraft(): ApplicationValues {
  inMemory ??= storedDraft()?.values ?? empty;
  return inMemory;
}

function writeDraft(values: ApplicationValues) {
  inMemory = values;
  const kept = Object.fromEntries(Object.entries(values).filter(([name]) => !neverStored.some((prefix) => name.startsWith(prefix))));
  try {
    window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ savedAt: Date.now(), values: kept } satisfies StoredDraft));
  } catch {
    // Storage full or disabled: the answers stay in memory, so the form still works.
  }
  for (const listener of listeners) listener();
}

/**
 * Deletes what should not be there when the form opens: a draft older than
 * DRAFT_MAX_AGE_MS (or unreadable), and any draft that earlier versions of the portal
 * kept in localStorage, where it outlived the browser session with every answer in it.
 */
function dropStaleDrafts() {
  try {
    window.localStorage.removeItem(DRAFT_KEY);
    if (window.sessionStorage.getItem(DRAFT_KEY) !== null && !storedDraft()) window.sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Storage disabled: nothing is kept.
  }
}

function subscribe(listener: () => void) {
  dropStaleDrafts();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * What the person typed, so that a reload loses little. Kept in sessionStorage: it
 * belongs to this tab, is gone once the tab is closed, and is ignored after three days,
 * so a shared computer does not hand the next person someone's address; FLOWER answers
 * and the agreement are kept in memory only. It never leaves the browser before submit,
 * and the thank-you page clears it. The prerendered HTML shows `initial` (what a
 * no-JavaScript submit sent back).
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
  inMemory = null;
  try {
    window.sessionStorage.removeItem(DRAFT_KEY);
    window.localStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing to clear.
  }
}
