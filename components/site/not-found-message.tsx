import Link from "next/link";

const suggestions = [
  { href: "/", label: "Home page" },
  { href: "/health", label: "Health library" },
  { href: "/owners", label: "Become an owner" },
  { href: "/visit", label: "Hours and directions" },
  { href: "/about", label: "About our co-op" },
];

export function NotFoundMessage() {
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">We could not find that page</h1>
      <p className="mt-4">
        The address may be mistyped, or the page may have moved when our old site became this one. These may help:
      </p>
      <ul className="mt-4 list-disc space-y-1 pl-6">
        {suggestions.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
