import Link from "next/link";

/** What a signed-in person reads on a page their role does not include (answered with 403). */
export function StaffOnlyNotice() {
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">This page is for co-op staff</h1>
      <p className="mt-4 max-w-prose">
        You are signed in, but your account does not include this part of the site. If you work at the co-op and need
        access, ask an admin to change your role.
      </p>
      <p className="mt-4">
        <Link prefetch={false} href="/account">Your account</Link> · <Link href="/">Home page</Link>
      </p>
    </>
  );
}
