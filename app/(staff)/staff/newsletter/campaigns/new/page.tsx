import Link from "next/link";
import { CampaignEditor } from "@/components/newsletter/campaign-editor";
import { listChoosableLists } from "@/db/queries/newsletter-campaign-lists";
import { createCampaignAction } from "@/lib/actions/newsletter-campaigns";
import { requirePageRole } from "@/lib/auth/session";

export const metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  await requirePageRole("staff", "/staff/newsletter/campaigns/new");
  // A new draft starts with the lists every signup joins ticked; archived lists are not offered.
  const lists = listChoosableLists();
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/newsletter">
          Newsletter
        </Link>{" "}
        › New campaign
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">New campaign</h1>
      <p className="mt-2 max-w-prose">It is saved as a draft: you can preview it and send yourself a test before it goes to anyone.</p>
      <CampaignEditor action={createCampaignAction} campaign={{ subject: "", markdown: "", listIds: lists.filter((list) => list.joinByDefault).map((list) => list.id), segment: null }} lists={lists} />
    </>
  );
}
