/**
 * A client process casting ballots at a running portal, as the ballot page's script posts
 * them to its server action (React's reply encoding, one field per mark):
 * `tsx cast-ballots.ts '<JSON of CastBatch>'`. It prints "ready", waits for a line on
 * stdin, so that several such processes start together, then sends every cast at once
 * and prints one JSON line: the CastOutcome of each.
 */
import readline from "node:readline";
import { actionAnswerOf } from "../helpers/forms";

export type Cast = {
  /** `/elections/<slug>/vote`, with `?token=…` when casting by the emailed link. */
  path: string;
  /** The form's fields as the page rendered them (React's action fields, slug, token if any), then the marks. */
  fields: [string, string][];
  /** A session cookie, when casting signed in. */
  cookie?: string;
  /** Who casts, for the test's tally of answers ("token", "primary", "household"). */
  via: string;
};

export type CastBatch = { url: string; casts: Cast[] };

export type CastOutcome = { via: string; status: number | "no answer"; ok: boolean; code?: string; message: string; receiptCode?: string };

export async function cast(url: string, { path, fields, cookie, via }: Cast): Promise<CastOutcome> {
  const reference = fields.find(([name]) => /^\$ACTION_\d+:0$/.test(name));
  const actionId = (JSON.parse(reference![1]) as { id: string }).id;
  const body = new FormData();
  for (const [name, value] of fields) if (!name.startsWith("$ACTION")) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([null, "$K1"]));
  try {
    const response = await fetch(`${url}${path}`, {
      method: "POST",
      body,
      redirect: "manual",
      headers: { "Next-Action": actionId, Accept: "text/x-component", Origin: url, ...(cookie && { Cookie: cookie }) },
    });
    const payload = Buffer.from(await response.arrayBuffer());
    const answer = actionAnswerOf(payload);
    if (!answer || !("ok" in answer)) return { via, status: response.status, ok: false, message: payload.toString("utf8", 0, 300) };
    const receiptCode = answer.ok ? (answer.data as { receiptCode: string }).receiptCode : undefined;
    const code = "code" in answer ? (answer as { code?: string }).code : undefined;
    return { via, status: response.status, ok: answer.ok, code, message: answer.message ?? "", receiptCode };
  } catch (error) {
    return { via, status: "no answer", ok: false, message: String((error as Error).cause ?? error) };
  }
}

async function main() {
  const batch = JSON.parse(process.argv[2]!) as CastBatch;
  const lines = readline.createInterface({ input: process.stdin });
  const go = new Promise((resolve) => lines.once("line", resolve));
  console.log("ready");
  await go;
  lines.close();
  const outcomes = await Promise.all(batch.casts.map((one) => cast(batch.url, one)));
  console.log(JSON.stringify(outcomes));
}

// Run as a process of its own; the test imports `cast` for its single casts.
if (require.main === module) void main();
