/**
 * A second process marking ownerships as having voted on paper, on the database under
 * DATA_DIR, while the server takes online ballots: `tsx --conditions=react-server
 * mark-on-paper.ts <staff email>`. It goes through the service the staff paper-mark action
 * calls (markOwnershipVotedOnPaper: the roll's conditional update and the audit row in one
 * IMMEDIATE transaction), so it races the server exactly as that action would. It prints
 * "ready", then for each line `{"electionId","ownerId","delayMs"}` on stdin waits delayMs
 * (fractions too) and marks, printing one JSON line: the ownership and the service's answer.
 */
import readline from "node:readline";
import { db } from "@/db";
import { markOwnershipVotedOnPaper } from "@/lib/elections/paper";
import { pause } from "./pause";

const [actorEmail] = process.argv.slice(2);
const markedBy = db.$client.prepare("select id, email from users where email = ?").get(actorEmail) as { id: string; email: string };

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  const { electionId, ownerId, delayMs } = JSON.parse(line) as { electionId: number; ownerId: number; delayMs: number };
  await pause(delayMs);
  const result = markOwnershipVotedOnPaper({ electionId, ownerId, now: new Date(), markedBy });
  console.log(JSON.stringify({ ownerId, result }));
});
console.log("ready");
