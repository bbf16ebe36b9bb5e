import Link from "next/link";
import { ImportButton } from "@/components/newsletter/import-button";
import { ImportPreviewDetails } from "@/components/newsletter/import-preview";
import { ImportUploadForm } from "@/components/newsletter/import-upload-form";
import { importNewsletterListAction } from "@/lib/actions/newsletter-import";
import { recordPersonalDataView } from "@/lib/audit/record-view";
import { requirePageRole } from "@/lib/auth/session";
import { CONFIRM_LINK_DAYS } from "@/lib/model/newsletter";
import { STAGED_IMPORT_KEEP_HOURS } from "@/lib/model/newsletter-import";
import { previewStagedImport } from "@/lib/newsletter/import-list";
import { IMPORT_PAGE } from "@/lib/newsletter/receive-import";
import { isUploadId } from "@/lib/uploads/storage";
import { takeReturnedForm } from "@/lib/uploads/returned-forms";

export const metadata = { title: "Import a mailing list" };

type Props = { searchParams: Promise<{ file?: string | string[]; imported?: string | string[] }> };
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * Staff: upload the CSV of an existing mailing list, see what importing it would do, line
 * by line, and import it. Opening a preview shows addresses from the file and is audited;
 * nothing is imported but by the button.
 */
export default async function NewsletterImportPage({ searchParams }: Props) {
  const staff = await requirePageRole("staff", IMPORT_PAGE);
  const query = await searchParams;
  const file = one(query.file);
  const imported = one(query.imported);
  const returned = await takeReturnedForm(IMPORT_PAGE);
  const staged = file !== undefined && isUploadId(file);
  if (staged) await recordPersonalDataView(staff, { action: "newsletter_import.view", subjectType: "newsletter_import", subjectId: file });
  const preview = staged ? previewStagedImport(file) : null;
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/newsletter">
          Newsletter
        </Link>{" "}
        › Import a list
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">Import a mailing list</h1>
      {imported !== undefined && /^\d{1,9}$/.test(imported) && (
        <p role="status" className="mt-4 rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
          Imported {Number(imported).toLocaleString("en-US")} address{imported === "1" ? "" : "es"}. Each gets an email asking them to confirm; they receive nothing else
          until they do.
        </p>
      )}
      {file !== undefined && !preview && (
        <p role="alert" className="mt-4 rounded-md border border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">
          This file is no longer waiting to be imported: it was imported already, or it waited longer than {STAGED_IMPORT_KEEP_HOURS} hours. Upload it again to see its
          preview.
        </p>
      )}
      {preview && file ? (
        <section aria-labelledby="preview-heading" className="mt-6">
          <h2 id="preview-heading" className="text-xl font-bold text-leaf-900">
            What importing “{preview.name}” would do
          </h2>
          <ImportPreviewDetails plan={preview.plan} />
          {preview.plan.entries.length > 0 ? (
            <ImportButton action={importNewsletterListAction} file={file} count={preview.plan.entries.length} />
          ) : (
            <p className="mt-6 font-semibold">There is no new address to import in this file.</p>
          )}
          <p className="mt-4">
            <Link prefetch={false} href={IMPORT_PAGE}>
              Upload another file instead
            </Link>
          </p>
        </section>
      ) : (
        <section aria-labelledby="upload-heading" className="mt-6">
          <p className="max-w-prose">
            Bring over the addresses of the co-op’s earlier mailing list. Nobody is subscribed by an import: each new address is sent an email asking them to confirm, and gets
            nothing else unless they do. Unconfirmed addresses are forgotten after {CONFIRM_LINK_DAYS} days. Addresses that are here already are left as they are, and
            addresses that unsubscribed before are never added again.
          </p>
          <h2 id="upload-heading" className="mt-6 text-xl font-bold text-leaf-900">
            Upload the list
          </h2>
          <p className="mt-2 max-w-prose text-sm">
            A CSV file in UTF-8 whose first row names its columns: <code>email</code>, and if you like <code>name</code> and <code>lists</code> (list names or addresses,
            separated by <code>;</code> or <code>|</code>; left empty, the lists ticked for new signups). You see what would happen before anything is imported; a file not
            imported is deleted after {STAGED_IMPORT_KEEP_HOURS} hours.
          </p>
          <ImportUploadForm route="/api/staff/newsletter/import" initial={returned} />
        </section>
      )}
    </>
  );
}
