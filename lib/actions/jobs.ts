"use server";

import { updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { deleteDraftJob, freeJobSlug, insertJob, setJobStatus, updateJob, type JobRefusal } from "@/db/queries/jobs";
import { cacheTags } from "@/lib/cache-tags";
import { explainRefusals, invalidFields } from "@/lib/model/errors";
import { slugFromTitle } from "@/lib/jobs/slug";
import { jobPostingEditSchema, jobPostingSchema, jobStatusChangeSchema, type JobPostingInput } from "@/lib/validations/jobs";
import { z } from "zod";
import { rowId } from "@/lib/validations/fields";
import { defineAction } from "./safe-action";

/** What the query layer's refusals mean to staff. */
const explained = explainRefusals<JobRefusal>({
  slug_taken: () => invalidFields({ slug: ["Another posting has this address. Choose another."] }, "conflict"),
  job_not_found: "That posting no longer exists.",
  same_status: "The posting is already in that state. Reload to see the latest.",
  draft_not_closable: "A draft was never public, so there is nothing to close: publish it or delete it.",
  not_draft: "Only drafts can be deleted. Close a posting instead: its page stays for those who saved the link.",
});

const fieldsOf = ({ slug, payMin, payMax, ...rest }: JobPostingInput) => ({
  ...rest,
  slug: slug ?? slugFromTitle(rest.title),
  payMinCents: payMin,
  payMaxCents: payMax ?? null,
});

/** Staff: writes a new posting as a draft and opens its page. */
export const createJobAction = defineAction({
  access: "staff",
  schema: jobPostingSchema,
  run: (input, actor) => {
    let id: number;
    try {
      id = db.transaction(
        (tx) => {
          const fields = fieldsOf(input);
          // An address left blank is made from the title; when another posting has it, the next free one is taken instead of asking.
          const created = insertJob(tx, input.slug ? fields : { ...fields, slug: freeJobSlug(tx, fields.slug) }, actor.id);
          recordAudit(tx, actor, { action: "job.create", subjectType: "job", subjectId: String(created), detail: { title: input.title } });
          return created;
        },
        { behavior: "immediate" },
      );
    } catch (error) {
      throw explained(error);
    }
    redirect(`/staff/jobs/${id}?created=1`);
  },
});

/** Staff: saves a posting's text; a published one shows the change at the next request. */
export const updateJobAction = defineAction({
  access: "staff",
  schema: jobPostingEditSchema,
  successMessage: "Saved.",
  run: ({ id, ...input }, actor) => {
    try {
      db.transaction(
        (tx) => {
          const before = updateJob(tx, id, fieldsOf(input), actor.id);
          recordAudit(tx, actor, { action: "job.update", subjectType: "job", subjectId: String(id), detail: before.title === input.title ? undefined : { title: { from: before.title, to: input.title } } });
        },
        { behavior: "immediate" },
      );
    } catch (error) {
      throw explained(error);
    }
    updateTag(cacheTags.jobs);
    return null;
  },
});

/** Staff: publishes (or reopens) or closes a posting; the list, the feed and the sitemap follow at the next request. */
export const setJobStatusAction = defineAction({
  access: "staff",
  schema: jobStatusChangeSchema,
  run: ({ id, status }, actor) => {
    try {
      db.transaction(
        (tx) => {
          const before = setJobStatus(tx, id, status, actor.id);
          recordAudit(tx, actor, { action: `job.${status === "published" ? (before.status === "closed" ? "reopen" : "publish") : "close"}`, subjectType: "job", subjectId: String(id) });
        },
        { behavior: "immediate" },
      );
    } catch (error) {
      throw explained(error);
    }
    updateTag(cacheTags.jobs);
    return { id, status };
  },
});

/** Staff: deletes a draft that was never public. */
export const deleteDraftJobAction = defineAction({
  access: "staff",
  schema: z.object({ id: rowId }),
  run: ({ id }, actor) => {
    try {
      db.transaction(
        (tx) => {
          const before = deleteDraftJob(tx, id);
          recordAudit(tx, actor, { action: "job.delete", subjectType: "job", subjectId: String(id), detail: { title: before.title } });
        },
        { behavior: "immediate" },
      );
    } catch (error) {
      throw explained(error);
    }
    redirect("/staff/jobs?deleted=1");
  },
});
