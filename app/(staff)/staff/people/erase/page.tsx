import Link from "next/link";
import { ErasureTool } from "@/components/erasure/erasure-tool";
import { erasePersonAction, lookUpPersonAction } from "@/lib/actions/erasure";
import { requirePageRole } from "@/lib/auth/session";

export const metadata = { title: "Erase a person’s data" };

export default async function ErasePersonPage({ searchParams }: { searchParams: Promise<{ erased?: string | string[] }> }) {
  await requirePageRole("admin", "/staff/people/erase");
  const erased = (await searchParams).erased === "1";
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Erase a person’s data</h1>
      <p className="mt-2 max-w-prose">
        When someone writes to ask for their data to be deleted, check that the request comes from them (usually by replying
        to the same address), then look the address up here. You see what the portal holds for it, as counts, and can erase
        all of it at once. The address of a primary owner or of a staff account cannot be erased here: the page says what to
        settle first. See <Link href="/staff/people" prefetch={false} className="underline">People</Link> for accounts and roles.
      </p>
      {erased && (
        <p role="status" className="mt-6 max-w-prose rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
          The address was erased. What went is counted in the{" "}
          <Link href="/staff/audit?action=person.erase" prefetch={false} className="underline">
            audit log
          </Link>
          , without the address. Tell the person it is done: it leaves the backups as they are replaced.
        </p>
      )}
      <ErasureTool lookUpAction={lookUpPersonAction} eraseAction={erasePersonAction} />
    </>
  );
}
