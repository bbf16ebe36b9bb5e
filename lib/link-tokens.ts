import { createHash, randomBytes } from "node:crypto";

/**
 * Tokens for links in emails (newsletter confirm and unsubscribe, household invitations):
 * 256 random bits as 64 hex digits, stored only as their SHA-256. No secret is mixed in:
 * nobody can guess a 256-bit value, so the hash only has to keep a copy of the database
 * from yielding working links.
 */
export function newLinkToken() {
  return randomBytes(32).toString("hex");
}

export function hashLinkToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a string could be one of these tokens; anything else is answered as unknown without a lookup. */
export function isWellFormedLinkToken(token: string) {
  return /^[0-9a-f]{64}$/.test(token);
}
