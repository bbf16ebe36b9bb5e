/**
 * A second process approving owner applications on the database under DATA_DIR, through
 * the same service the staff action calls (one IMMEDIATE transaction each), while the
 * server approves others: `tsx --conditions=react-server approve-applications.ts
 * <staff email> <application id>...`. Prints one JSON line: the owner number each got.
 */
import { approveApplication } from "@/lib/owners/decide-application";
import { db } from "@/db";

const [actorEmail, ...ids] = process.argv.slice(2);
const actor = db.$client.prepare("select id, email from users where email = ?").get(actorEmail) as { id: string; email: string };
const joinedOn = new Date().toISOString().slice(0, 10);
const numbers = ids.map((id) => approveApplication(actor, { applicationId: Number(id), joinedOn }).ownerNumber);
console.log(JSON.stringify(numbers));
