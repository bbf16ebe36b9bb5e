import Link from "next/link";
import { ArchiveListButton, StaffListForm } from "@/components/newsletter/staff-list-form";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { db } from "@/db";
import { listNewsletterListsWithCounts } from "@/db/queries/newsletter-lists";
import { archiveNewsletterListAction, createNewsletterListAction, updateNewsletterListAction } from "@/lib/actions/newsletter-lists";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/model/format";

export const metadata = { title: "Newsletter lists" };

const path = "/staff/newsletter/lists";
const count = (n: number) => n.toLocaleString("en-US");

/** Staff: the lists readers choose, with how many are on each; add, edit, archive. Counts only: no one's address is shown. */
export default async function NewsletterListsPage() {
  await requirePageRole("staff", path);
  const lists = listNewsletterListsWithCounts(db);
  const active = lists.filter((list) => !list.archivedAt);
  const noDefault = !active.some((list) => list.joinByDefault && list.audience === "everyone");
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/newsletter">
          Newsletter
        </Link>{" "}
        › Lists
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">Newsletter lists</h1>
      <p className="mt-2 max-w-prose">
        Readers choose their lists on /newsletter and on their account page; the signup form on every page joins the lists ticked for
        new signups. Each list keeps when, from where and how each person said yes to it.
      </p>
      {noDefault && (
        <p role="note" className="mt-4 max-w-prose rounded-md border border-amber-700 bg-amber-50 px-4 py-3 font-semibold">
          No list open to everyone is ticked for new signups: the form on every page joins nothing until one is.
        </p>
      )}
      <DataTable caption="Lists" headers={["List", "Who may join", "Subscribed", "Waiting for confirmation", "Left", "Archive"]}>
        {lists.map((list) => (
          <tr key={list.id}>
            <td className={cellClass}>
              <span className="font-semibold">{list.name}</span> <span className="text-muted">({list.slug})</span>
              {list.joinByDefault && !list.archivedAt && <div className="text-sm">Ticked for new signups</div>}
              {list.archivedAt && <div className="text-sm text-muted">Archived {formatDateTime(list.archivedAt)}</div>}
            </td>
            <td className={cellClass}>{list.audience === "owners" ? "Owners only" : "Everyone"}</td>
            <td className={cellClass}>{count(list.subscribed)}</td>
            <td className={cellClass}>{count(list.pending)}</td>
            <td className={cellClass}>{count(list.left)}</td>
            <td className={cellClass}>{!list.archivedAt && <ArchiveListButton action={archiveNewsletterListAction} id={list.id} name={list.name} />}</td>
          </tr>
        ))}
      </DataTable>
      {active.map((list) => (
        <details key={list.id} className="mt-4 rounded-md border border-leaf-100 bg-white p-4">
          <summary className="cursor-pointer font-semibold">Edit “{list.name}”</summary>
          <div className="mt-4">
            <StaffListForm mode="edit" action={updateNewsletterListAction} list={list} />
          </div>
        </details>
      ))}
      <section aria-labelledby="add-heading" className="mt-10">
        <h2 id="add-heading" className="text-xl font-bold text-leaf-900">
          Add a list
        </h2>
        <div className="mt-4">
          <StaffListForm mode="create" action={createNewsletterListAction} />
        </div>
      </section>
    </>
  );
}
