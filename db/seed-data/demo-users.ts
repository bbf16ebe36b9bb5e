import type { Role } from "../schema";

/** Demo accounts, seeded only in demo mode; they sign in by the link in data/outbox/. */
export const demoUsers: { email: string; name: string; role: Role }[] = [
  { email: "admin@example.coop", name: "Demo Admin", role: "admin" },
  { email: "staff@example.coop", name: "Demo Staff", role: "staff" },
  { email: "owner@example.coop", name: "Demo Owner", role: "member" },
];
