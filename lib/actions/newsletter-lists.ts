"use server";

import { refresh, updateTag } from "next/cache";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { archiveNewsletterList, freeNewsletterListSlug, insertNewsletterList, updateNewsletterList, type NewsletterListRefusal } from "@/db/queries/newsletter-lists";
import { cacheTags } from "@/lib/cache-tags";
import { explainRefusals } from "@/lib/model/errors";
import { slugFrom } from "@/lib/model/slug";
import { newsletterListArchiveSchema, newsletterListEditSchema, newsletterListSchema } from "@/lib/validations/newsletter-lists";
import { defineAction } from "./safe-action";

/** What the query layer's refusals mean to staff. */
const explained = explainRefusals<NewsletterListRefusal>({
  slug_taken: "Another list already has this address. Try again: a free one is chosen each time.",
  list_not_found: "That list no longer exists. Reload the page to see the current lists.",
});

const subject = (id: number) => ({ subjectType: "newsletter_list", subjectId: String(id) });

/** After any change: the lists on /newsletter follow at the next request, and this page at once. */
function listsChanged() {
  updateTag(cacheTags.newsletterLists);
  refresh();
}

/** Staff: adds a list; its address is made from its name (the next free one) and then stays. */
export const createNewsletterListAction = defineAction({
  access: "staff",
  schema: newsletterListSchema,
  successMessage: "The list was added.",
  run: (input, actor) => {
    try {
      db.transaction(
        (tx) => {
          const slug = freeNewsletterListSlug(tx, slugFrom(input.name, 56) || "list");
          const id = insertNewsletterList(tx, { ...input, slug });
          recordAudit(tx, actor, { action: "newsletter_list.create", ...subject(id), detail: { name: input.name, audience: input.audience } });
        },
        { behavior: "immediate" },
      );
    } catch (error) {
      throw explained(error);
    }
    listsChanged();
    return null;
  },
});

/** Staff: saves a list's name, description, audience, default and order; its address stays. */
export const updateNewsletterListAction = defineAction({
  access: "staff",
  schema: newsletterListEditSchema,
  successMessage: "Saved.",
  run: ({ id, ...input }, actor) => {
    try {
      db.transaction(
        (tx) => {
          const before = updateNewsletterList(tx, id, input);
          recordAudit(tx, actor, { action: "newsletter_list.update", ...subject(id), detail: { name: input.name, audience: { from: before.audience, to: input.audience } } });
        },
        { behavior: "immediate" },
      );
    } catch (error) {
      throw explained(error);
    }
    listsChanged();
    return null;
  },
});

/** Staff: archives a list: no longer offered nor chosen for campaigns; its members' consents stay on record. */
export const archiveNewsletterListAction = defineAction({
  access: "staff",
  schema: newsletterListArchiveSchema,
  successMessage: "The list was archived.",
  run: ({ id }, actor) => {
    try {
      db.transaction(
        (tx) => {
          const before = archiveNewsletterList(tx, id);
          if (!before.archivedAt) recordAudit(tx, actor, { action: "newsletter_list.archive", ...subject(id), detail: { name: before.name } });
        },
        { behavior: "immediate" },
      );
    } catch (error) {
      throw explained(error);
    }
    listsChanged();
    return null;
  },
});
