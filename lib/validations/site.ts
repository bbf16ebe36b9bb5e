import "./zod-config";
import { z } from "zod";
import { line, text } from "./fields";

const url = z.url({ protocol: /^https?$/, error: "Enter a full web address starting with https://" });

/** Everything the site shell shows about the co-op; edited by admins in Settings. */
export const siteSettingsSchema = z.object({
  coopName: line(80),
  tagline: line(160),
  streetAddress: line(120),
  locality: line(80),
  region: line(40),
  postalCode: line(20),
  phone: line(40),
  fax: line(40),
  email: z.email({ error: "Enter an email address such as info@coop.example" }),
  /** One line per opening period, e.g. "Mon–Sat: 8 am – 9 pm". */
  hours: z.array(line(80)).min(1).max(14),
  directionsUrl: url,
  localCoopFinderUrl: url,
  social: z.object({ instagram: url, twitter: url, facebook: url }),
  /** Where the portal sends staff notices (new applications and the like). */
  staffNotificationEmail: z.email({ error: "Enter an email address such as staff@coop.example" }),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/**
 * A content page as staff edit it and as seed files declare it. The slug is a site path
 * without its leading slash: lowercase words joined by hyphens, nested with "/".
 */
export const pageSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/, { error: "Use lowercase words joined by hyphens, e.g. about/board." })
    .max(120),
  title: line(120),
  description: text(300).default(""),
  markdown: text(50_000).min(1, { error: "Required." }),
});

export type PageInput = z.infer<typeof pageSchema>;

/** A page edit as the staff editor submits it; the slug names the page and never changes. */
export const pageEditSchema = pageSchema.pick({ slug: true, title: true, description: true, markdown: true });

const lines = (value: unknown) =>
  typeof value === "string" ? value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) : value;

/** The settings form: flat fields (one textarea for hours, one field per social link) mapped onto SiteSettings. */
export const siteSettingsFormSchema = siteSettingsSchema
  .omit({ hours: true, social: true })
  .extend({
    hours: z.preprocess(lines, z.array(line(80)).min(1, { error: "Give at least one line of opening hours." }).max(14)),
    ...siteSettingsSchema.shape.social.shape,
  })
  .transform(({ instagram, twitter, facebook, ...rest }): SiteSettings => ({ ...rest, social: { instagram, twitter, facebook } }));
