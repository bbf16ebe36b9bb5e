import Link from "next/link";

const variants = {
  primary: "bg-leaf-800 text-white hover:bg-leaf-900 hover:text-white",
  secondary: "border border-leaf-800 bg-white text-leaf-800 hover:bg-leaf-50",
} as const;

/** A link styled as a button, for calls to action that navigate. */
export function ButtonLink({
  href,
  children,
  variant = "primary",
  prefetch,
}: {
  href: string;
  children: React.ReactNode;
  variant?: keyof typeof variants;
  /** false for private and sign-in pages: prefetching them would render them on the server for nothing. */
  prefetch?: false;
}) {
  const className = `inline-block rounded-md px-4 py-2 font-semibold no-underline ${variants[variant]}`;
  // Private and sign-in pages render per request under their own nonce policy: a full page
  // load gives them that document (a client-side move would keep the public page's), and
  // a click that lands while the page is still hydrating cannot be lost.
  if (prefetch === false) {
    return (
      <a href={href} className={className}>
        {children}
      </a>
    );
  }
  return (
    <Link
      href={href}
      prefetch={prefetch}
      className={className}
    >
      {children}
    </Link>
  );
}
