import { countUploads } from "@/db/queries/uploads";
import { formatFileSize } from "@/lib/newsletter/issue-files";
import { uploadSpace } from "@/lib/uploads/quota";

/** For the settings page: the space uploaded files take against UPLOAD_QUOTA_MB, as it stands at this request. */
export function UploadSpace() {
  const { usedBytes, quotaBytes } = uploadSpace();
  const files = countUploads();
  const share = Math.min(100, Math.round((usedBytes / quotaBytes) * 100));
  return (
    <section aria-labelledby="upload-space-heading" className="mt-12">
      <h2 id="upload-space-heading" className="text-2xl font-bold text-leaf-900">
        Space for uploaded files
      </h2>
      <p className="mt-2 max-w-prose">
        Résumés and Rutabaga Rap issues: <strong>{formatFileSize(usedBytes)} of {formatFileSize(quotaBytes)} used</strong> ({share}%, in{" "}
        {files === 1 ? "1 file" : `${files.toLocaleString("en-US")} files`}).
      </p>
      <meter className="mt-2 block w-full max-w-prose" min={0} max={quotaBytes} value={usedBytes} aria-label="Space used by uploaded files" />
      <p className="mt-2 max-w-prose">
        An upload that would go past the limit is refused, with a message at its file field: applicants are asked to paste their résumé
        as text. Deleting old issues frees space, as does the retention of job applications. The limit is the server&rsquo;s{" "}
        <code>UPLOAD_QUOTA_MB</code> setting.
      </p>
    </section>
  );
}
