"use server";

import { refresh, updateTag } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import { publishNewsletterIssue, removeNewsletterIssue } from "@/lib/newsletter/publish-issue";
import { newsletterIssueDeleteSchema, newsletterIssueSchema } from "@/lib/validations/newsletter-issues";
import { defineAction } from "./safe-action";

/**
 * Staff: uploads an issue of The Rutabaga Rap (its PDF checked by content). The public
 * list, its `#latest` anchor (the aside's link) and the feed show it at the next request.
 */
export const publishNewsletterIssueAction = defineAction({
  access: "staff",
  schema: newsletterIssueSchema,
  successMessage: "Published: the issue is on the public list and in its feed.",
  run: async (input, actor) => {
    const { slug } = await publishNewsletterIssue(input, actor);
    updateTag(cacheTags.newsletterIssues);
    refresh();
    return { slug };
  },
});

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
