import { connection } from "next/server";

export default async function LoginLayout({ children }: { children: React.ReactNode }) {
  // Sign-in pages carry proxy.ts's per-request CSP nonce, which only a per-request
  // render can stamp on their scripts: never prerender them.
  await connection();
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-2xl px-4 py-10 focus:outline-none">
      {children}
    </main>
  );
}
