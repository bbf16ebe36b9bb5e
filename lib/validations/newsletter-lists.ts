import "./zod-config";
import { z } from "zod";
import { listAudiences } from "@/lib/model/newsletter";

export { listFieldName } from "@/lib/model/newsletter";
import { blankable, checkbox, line, rowId, text } from "./fields";

const LIST_FIELD = /^list-(\d{1,9})$/;
/** More boxes than any co-op has lists: a form ticking more was not made by our pages. */
const MAX_TICKED = 100;

/** The lists a form ticked (its `list-<id>` fields sent as a ticked box sends them), by id, each once. */
export function tickedListIds(form: Record<string, unknown>) {
  const ids = new Set<number>();
  for (const [name, value] of Object.entries(form)) {
    const match = LIST_FIELD.exec(name);
    if (match && (value === "on" || value === "yes" || value === true)) ids.add(Number(match[1]));
    if (ids.size >= MAX_TICKED) break;
  }
  return [...ids];
}

/** A list as staff write it; its address is made from the name when it is created, and then stays. */
export const newsletterListSchema = z.object({
  name: line(80),
  description: blankable(300),
  audience: z.enum(listAudiences, { error: "Choose who may join." }),
  joinByDefault: checkbox,
  position: text(4)
    .regex(/^\d*$/, { error: "Give a whole number from 0 to 999.", abort: true })
    .transform((value) => (value === "" ? 0 : Number(value)))
    .refine((value) => value <= 999, { error: "Give a whole number from 0 to 999." }),
});
export type NewsletterListInput = z.output<typeof newsletterListSchema>;

export const newsletterListEditSchema = newsletterListSchema.extend({ id: rowId });

export const newsletterListArchiveSchema = z.object({ id: rowId });

/** /account: the lists the signed-in person ticks; none ticked leaves them all. */
export const accountListsSchema = z.looseObject({}).transform((form) => ({ lists: tickedListIds(form) }));

/** The preference page a newsletter email links to: its token and the lists ticked; none ticked leaves them all. */
export const preferenceListsSchema = z
  .looseObject({ token: z.string().max(200).default("") })
  .transform((form) => ({ token: form.token, lists: tickedListIds(form) }));
