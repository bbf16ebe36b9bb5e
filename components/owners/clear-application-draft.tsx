"use client";

import { useEffect } from "react";
import { clearApplicationDraft } from "./use-application-draft";

/** The application was sent: the draft kept in this tab has done its job. */
export function ClearApplicationDraft() {
  useEffect(clearApplicationDraft, []);
  return null;
}
