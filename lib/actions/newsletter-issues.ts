"use server";

// Uploading an issue is a route handler (app/api/staff/newsletter/issues): its body is a PDF of up to 20 MB.

import { refresh, updateTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import { removeNewsletterIssue } from "@/lib/newsletter/publish-issue";
import { newsletterIssueDeleteSchema } from "@/lib/validations/newsletter-issues";
import { defineAction } from "./safe-action";

/** Staff: deletes an issue and its PDF; it leaves the public list and the feed at the next request. */
export const deleteNewsletterIssueAction = defineAction({
  access: "staff",
  schema: newsletterIssueDeleteSchema,
  successMessage: "The issue and its PDF were deleted.",
  run: ({ id }, actor) => {
    removeNewsletterIssue(id, actor);
    updateTag(cacheTags.newsletterIssues);
    refresh();
    return null;
  },
});
