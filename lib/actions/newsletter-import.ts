"use server";

import { redirect } from "next/navigation";
import { importStagedList } from "@/lib/newsletter/import-list";
import { IMPORT_PAGE } from "@/lib/newsletter/receive-import";
import { importNewsletterListSchema } from "@/lib/validations/newsletter-import";
import { defineAction } from "./safe-action";

/**
 * Staff: imports a staged list file (see importStagedList): its new addresses are asked
 * to confirm by email and get nothing else until they do. Goes on to the import page,
 * which says how many were imported; a file no longer staged (imported already, or
 * expired) is refused with words, nothing changed.
 */
export const importNewsletterListAction = defineAction({
  access: "staff",
  schema: importNewsletterListSchema,
  run: ({ file }, staff) => {
    const { imported } = importStagedList(file, staff);
    redirect(`${IMPORT_PAGE}?imported=${imported}`);
  },
});
