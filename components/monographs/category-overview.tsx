import Link from "next/link";

type Category = { slug: string; name: string; description: string; count: number };
type Entry = { slug: string; title: string; category: string };

/** The table of contents: each category with its monographs. */
export function CategoryOverview({ categories, monographs }: { categories: Category[]; monographs: Entry[] }) {
  return (
    <div className="space-y-8">
      {categories.map((category) => (
        <section key={category.slug} id={category.slug} aria-labelledby={`category-${category.slug}`}>
          <h2 id={`category-${category.slug}`} className="text-xl font-bold text-leaf-900">
            {category.name} <span className="text-base font-normal text-muted">({category.count})</span>
          </h2>
          <p className="mt-1 text-sm text-muted">{category.description}</p>
          <ul className="monograph-columns mt-3">
            {monographs
              .filter((monograph) => monograph.category === category.slug)
              .map((monograph) => (
                <li key={monograph.slug}>
                  <Link href={`/health/${monograph.slug}`}>{monograph.title}</Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** Every monograph A–Z, with a letter bar that jumps within the page (no script). */
export function AlphabeticalIndex({ monographs }: { monographs: Entry[] }) {
  const byLetter = new Map<string, Entry[]>();
  for (const monograph of monographs) {
    const letter = /^[a-z]/i.test(monograph.title) ? monograph.title[0]!.toUpperCase() : "#";
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), monograph]);
  }
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");
  return (
    <section aria-labelledby="a-to-z" className="mt-12">
      <h2 id="a-to-z" className="text-xl font-bold text-leaf-900">
        A–Z
      </h2>
      <nav aria-label="Jump to letter" className="mt-2">
        <ul className="letter-bar">
          {letters.map((letter) => (
            <li key={letter}>
              {byLetter.has(letter) ? <a href={`#letter-${letter}`}>{letter}</a> : <span aria-hidden="true">{letter}</span>}
            </li>
          ))}
        </ul>
      </nav>
      <div className="az-index mt-4">
        {[...byLetter.entries()].map(([letter, entries]) => (
          <div key={letter} id={`letter-${letter}`}>
            <h3>{letter}</h3>
            <ul>
              {entries.map((entry) => (
                <li key={entry.slug}>
                  <Link href={`/health/${entry.slug}`}>{entry.title}</Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
