import Link from "next/link";
import { ElectionEditor } from "@/components/elections/election-editor";
import { saveElectionAction } from "@/lib/actions/election-drafts";
import { requirePageRole } from "@/lib/auth/session";
import { storeDay } from "@/lib/model/format";
import { instantFromStoreDateTime, storeDateTimeInput } from "@/lib/model/store-time";

export const metadata = { title: "New election" };

const DAY = 86_400_000;

/** Suggested: voting from 9 a.m. in two weeks, for two weeks. */
function suggestedWindow(now = new Date()) {
  const opens = instantFromStoreDateTime(`${storeDay(new Date(now.getTime() + 14 * DAY))}T09:00`) ?? new Date(now.getTime() + 14 * DAY);
  return { opensAt: storeDateTimeInput(opens), closesAt: storeDateTimeInput(new Date(opens.getTime() + 14 * DAY)) };
}

/** Admins: a new election's settings. It is saved as a draft; its ballot is written on its own page. */
export default async function NewElectionPage() {
  await requirePageRole("admin", "/staff/elections/new");
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/elections">Elections</Link> › New election
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">New election</h1>
      <p className="mt-2 max-w-prose">It is saved as a draft: owners see nothing of it until voting opens. Add the races and measures on the next page.</p>
      <ElectionEditor
        action={saveElectionAction}
        election={{
          title: "",
          slug: "",
          description: "",
          ...suggestedWindow(),
          recordDate: storeDay(),
          eligibility: "approved",
          quorumKind: "percent",
          quorumValue: 10,
          voters: "primary",
        }}
      />
    </>
  );
}
