import Link from "next/link";
import { RoleForm } from "@/components/staff/role-form";
import { cellClass, DataTable } from "@/components/ui/data-table";
import { listUsers } from "@/db/queries/users";
import { changeRoleAction } from "@/lib/actions/users";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/model/format";

export const metadata = { title: "People" };

export default async function PeoplePage() {
  await requirePageRole("admin", "/staff/people");
  const people = listUsers();
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">People</h1>
      <p className="mt-2 max-w-prose">
        Everyone who has signed in. Members see their own account; staff run the site; admins also manage settings and
        people. The co-op always keeps at least one admin.
      </p>
      <p className="mt-2 max-w-prose">
        Someone asked for their data to be deleted?{" "}
        <Link href="/staff/people/erase" prefetch={false} className="font-semibold underline">
          Erase a person’s data
        </Link>
        .
      </p>
      <DataTable caption="People who can sign in" headers={["Email", "Name", "Last sign-in", "Role"]}>
        {people.map((person) => (
          <tr key={person.id}>
            <td className={cellClass}>{person.email}</td>
            <td className={cellClass}>{person.name ?? "—"}</td>
            <td className={cellClass}>{formatDateTime(person.lastSignInAt)}</td>
            <td className={cellClass}>
              <RoleForm action={changeRoleAction} userId={person.id} email={person.email} role={person.role} />
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
