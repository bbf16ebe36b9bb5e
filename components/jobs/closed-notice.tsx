import Link from "next/link";

/** Said at the top of a posting that takes no more applications; its page stays for those who kept the link. */
export function ClosedNotice() {
  return (
    <div className="mb-6 rounded-md border-2 border-amber-700 bg-amber-50 px-4 py-3">
      <p className="font-bold text-amber-950">This position is closed.</p>
      <p className="mt-1">
        We are no longer taking applications for it. <Link href="/jobs">See our current openings</Link>.
      </p>
    </div>
  );
}
