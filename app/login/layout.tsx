export default function LoginLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-2xl px-4 py-10 focus:outline-none">
      {children}
    </main>
  );
}
