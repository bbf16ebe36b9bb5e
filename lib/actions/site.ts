"use server";

import { updateTag } from "next/cache";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { saveSiteSettings, updatePage } from "@/db/queries/site";
import { cacheTags } from "@/lib/cache-tags";
import { pageEditSchema, siteSettingsFormSchema } from "@/lib/validations/site";
import { defineAction } from "./safe-action";

/** Staff: saves a content page; the public page shows the change on its next view. */
export const savePageAction = defineAction({
  access: "staff",
  schema: pageEditSchema,
  successMessage: "Saved. The public page shows the change now.",
  run: ({ slug, ...fields }, actor) => {
    db.transaction(
      (tx) => {
        const before = updatePage(tx, slug, fields, actor.id);
        recordAudit(tx, actor, {
          action: "page.update",
          subjectType: "page",
          subjectId: slug,
          detail: before.title === fields.title ? undefined : { title: { from: before.title, to: fields.title } },
        });
      },
      { behavior: "immediate" },
    );
    updateTag(cacheTags.page(slug));
    updateTag(cacheTags.pages);
    return null;
  },
});

/** Admins: saves the co-op's name, address, contacts, hours and links shown on every page. */
export const saveSettingsAction = defineAction({
  access: "admin",
  schema: siteSettingsFormSchema,
  successMessage: "Settings saved. Every page shows them now.",
  run: (settings, actor) => {
    db.transaction(
      (tx) => {
        saveSiteSettings(tx, settings, actor.id);
        recordAudit(tx, actor, { action: "settings.update", subjectType: "settings", subjectId: "site" });
      },
      { behavior: "immediate" },
    );
    updateTag(cacheTags.settings);
    return null;
  },
});
