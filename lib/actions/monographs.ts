"use server";

import { updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { deleteMonograph, saveMonograph, setMonographStatus } from "@/db/queries/monograph-writes";
import { getMonographById } from "@/db/queries/monographs";
import { cacheTags } from "@/lib/cache-tags";
import { AppError, isAppError } from "@/lib/model/errors";
import { monographDeleteSchema, monographFormSchema, monographStatusChangeSchema } from "@/lib/validations/monographs";
import { defineAction } from "./safe-action";

/** The public pages and search results that show this monograph change on their next view. */
function refreshPublicMonograph(...slugs: string[]) {
  updateTag(cacheTags.monographs);
  for (const slug of new Set(slugs)) updateTag(cacheTags.monograph(slug));
}

/** saveMonograph's one conflict is a slug another monograph has: the editor hears it on that field. */
function slugConflictOnField<T>(save: () => T): T {
  try {
    return save();
  } catch (error) {
    if (isAppError(error) && error.code === "conflict") {
      throw new AppError("conflict", "Another monograph already uses that address.", { slug: ["Choose another address; this one is taken."] });
    }
    throw error;
  }
}

/** Staff: creates a monograph, or saves an existing one with all its rows; never takes over another's slug. */
export const saveMonographAction = defineAction({
  access: "staff",
  schema: monographFormSchema,
  successMessage: "Saved. The public page and search show the change now.",
  run: ({ id, ...input }, actor) => {
    const before = id === undefined ? null : getMonographById(id);
    if (id !== undefined && !before) throw new AppError("not_found", "That monograph no longer exists.");
    const savedId = slugConflictOnField(() =>
      db.transaction(
        (tx) => {
          const newId = saveMonograph(tx, input, { id, userId: actor.id });
          recordAudit(tx, actor, {
            action: before ? "monograph.update" : "monograph.create",
            subjectType: "monograph",
            subjectId: String(newId),
            detail: { slug: input.slug, status: input.status },
          });
          return newId;
        },
        { behavior: "immediate" },
      ),
    );
    refreshPublicMonograph(input.slug, ...(before ? [before.slug] : []));
    if (!before) redirect(`/staff/monographs/${savedId}?created=1`);
    return { id: savedId };
  },
});

/** Staff: publishes or unpublishes; an unpublished monograph leaves the site and search at once. */
export const setMonographStatusAction = defineAction({
  access: "staff",
  schema: monographStatusChangeSchema,
  run: ({ id, status }, actor) => {
    const monograph = getMonographById(id);
    if (!monograph) throw new AppError("not_found", "That monograph no longer exists.");
    db.transaction(
      (tx) => {
        setMonographStatus(tx, id, status, actor.id);
        recordAudit(tx, actor, { action: `monograph.${status === "published" ? "publish" : "unpublish"}`, subjectType: "monograph", subjectId: String(id), detail: { slug: monograph.slug } });
      },
      { behavior: "immediate" },
    );
    refreshPublicMonograph(monograph.slug);
    return { status };
  },
});

/** Staff: deletes a monograph and everything under it. */
export const deleteMonographAction = defineAction({
  access: "staff",
  schema: monographDeleteSchema,
  run: ({ id }, actor) => {
    const monograph = getMonographById(id);
    if (!monograph) throw new AppError("not_found", "That monograph no longer exists.");
    db.transaction(
      (tx) => {
        deleteMonograph(tx, id);
        recordAudit(tx, actor, { action: "monograph.delete", subjectType: "monograph", subjectId: String(id), detail: { slug: monograph.slug, title: monograph.title } });
      },
      { behavior: "immediate" },
    );
    refreshPublicMonograph(monograph.slug);
    redirect("/staff/monographs?deleted=1");
  },
});
