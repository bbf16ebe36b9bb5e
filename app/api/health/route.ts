import { pingDatabase } from "@/db/queries/site";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/** Liveness for monitors and the launcher: ok only when the database answers. */
export function GET() {
  try {
    pingDatabase();
    return Response.json({ ok: true }, { headers: noStore });
  } catch {
    return Response.json({ ok: false }, { status: 503, headers: noStore });
  }
}
