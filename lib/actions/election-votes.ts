"use server";

import { updateTag } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { cacheTags } from "@/lib/cache-tags";
import { castByBallotLink, castSignedIn } from "@/lib/elections/cast-ballot";
import { castRefusalError } from "@/lib/elections/cast-refusal-words";
import { db } from "@/db";
import { getElectionBySlug } from "@/db/queries/elections";
import { AppError } from "@/lib/model/errors";
import { defineAction, type ActionResult } from "./safe-action";

/** The ballot form's own fields; the choices (`race-<id>`, `measure-<id>`) are read from the whole form by choicesFromForm. */
const ballotFormSchema = z.object({
  slug: z.string().max(200),
  token: z.string().max(200).optional(),
});

export type CastReceipt = { receiptCode: string };

/** The names of a ballot's own fields, as choicesFromForm reads them. */
const BALLOT_FIELD = /^(race|measure)-\d+(-write-in)?$/;

/**
 * Casts a ballot from the ballot page. Public: with `token`, the emailed link is the
 * credential (castByBallotLink checks it, inside the transaction); without, the signed-in
 * owner's ownership votes (requireUser, then castSignedIn). A checkbox group posts one
 * field per mark, which Object.fromEntries would fold into one, so the ballot is read from
 * the form's entries here and the schema checks only the form's own fields.
 */
export async function castBallotAction(previous: ActionResult<CastReceipt> | null, formData: FormData): Promise<ActionResult<CastReceipt>> {
  const entries = formData instanceof FormData ? [...formData].flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as const] : [])) : [];
  // A file where a mark or a write-in belongs is no choice the ballot offered; dropped, it would cast a ballot without it.
  const fileInBallot = formData instanceof FormData && [...formData].some(([name, value]) => typeof value !== "string" && BALLOT_FIELD.test(name));
  const cast = defineAction({
    access: "public",
    schema: ballotFormSchema,
    run: async ({ slug, token }): Promise<CastReceipt> => {
      if (fileInBallot) throw new AppError("bad_request", "The ballot could not be read. Reload the page and mark your choices again.");
      const now = new Date();
      let result;
      if (token) {
        result = castByBallotLink(token, { entries }, now);
      } else {
        const user = await requireUser();
        const election = getElectionBySlug(db, slug);
        if (!election) throw new AppError("not_found", "This election could not be found.");
        result = castSignedIn(user.id, election.id, { entries }, now);
      }
      if (!result.ok) throw castRefusalError(result);
      // Turnout on the election's public page counts this vote.
      updateTag(cacheTags.elections);
      return { receiptCode: result.receiptCode };
    },
  });
  return cast(previous, formData);
}
