import type { Role } from "@/lib/model/users";

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

const DEMO_DOMAIN = "coop.example";
const mailboxOf = (email: string) => email.slice(0, email.lastIndexOf("@"));

/**
 * Whether an account is a demo account an earlier version seeded on a domain someone could
 * own (disabled whatever the mode): a demo account's name and mailbox, on a domain other
 * than the reserved one. Recognised by what the seed wrote, so that no real domain needs
 * naming here.
 */
export function isFormerDemoAccount(user: { email: string; name: string | null }) {
  if (user.email.endsWith(`@${DEMO_DOMAIN}`)) return false;
  return demoUsers.some((demo) => demo.name === user.name && mailboxOf(demo.email) === mailboxOf(user.email));
}
