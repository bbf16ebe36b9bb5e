import type { Role } from "../schema";

/**
 * Demo accounts, seeded only in demo mode; they sign in by the link in data/outbox/.
 * On the reserved `.example` top-level domain (RFC 2606), so no real mailbox can receive
 * their links.
 */
export const demoUsers: { email: string; name: string; role: Role }[] = [
  { email: "admin@coop.example", name: "Demo Admin", role: "admin" },
  { email: "staff@coop.example", name: "Demo Staff", role: "staff" },
  { email: "owner@coop.example", name: "Demo Owner", role: "member" },
  { email: "household@coop.example", name: "Demo Household Member", role: "member" },
];

/** Demo accounts of earlier versions, on a domain someone could own: disabled outside demo mode. */
export const formerDemoEmails = ["admin@example.coop", "staff@example.coop", "owner@example.coop"];
