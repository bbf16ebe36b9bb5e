export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl bg-white px-6 py-8 focus:outline-none print:max-w-none print:p-0">
      {children}
    </main>
  );
}
