import { performance } from "node:perf_hooks";
import type { DB } from "@/db/client";
import type { MonographInput } from "@/lib/validations/monographs";

const healthWords =
  "ginger turmeric ligament tendon sleep melatonin zinc cold immune joint cartilage omega fish heart cholesterol fiber digestion gut probiotic anxiety stress meditation yoga massage acupuncture needle herb root leaf berry tea vitamin mineral calcium bone iron blood magnesium muscle cramp headache migraine nausea pregnancy liver kidney skin eczema allergy pollen garlic onion pepper mint valerian chamomile lavender elder echinacea".split(
    " ",
  );

// A library's vocabulary is large and skewed: a few words are everywhere, most are rare.
// 60 health words lead a list of 4,000 made-up ones, drawn with a Zipf-like law.
const syllables = "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo fu ga ge gi go gu la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu".split(" ");
const madeUp = Array.from({ length: 4000 }, (_, i) => syllables[i % 70]! + syllables[Math.floor(i / 70) % 70]! + syllables[(i * 7) % 70]! + "n");
const words = [...healthWords, ...madeUp];
const cumulative = (() => {
  let total = 0;
  return words.map((_, rank) => (total += 1 / (rank + 1)));
})();

function zipfWord(next: () => number) {
  const target = next() * cumulative.at(-1)!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return words[low]!;
}

/** A deterministic pseudo-random sequence, so every run searches the same library. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const categories = ["alternative-modalities", "herbs-supplements", "vitamins-minerals", "conditions", "diet-lifestyle"] as const;

export function generatedMonograph(index: number, next: () => number): MonographInput {
  const pick = () => zipfWord(next);
  const sentence = (length: number) => Array.from({ length }, pick).join(" ") + ".";
  const paragraph = () => Array.from({ length: 6 }, () => sentence(12)).join(" ");
  const name = `${pick()} ${pick()} ${index}`;
  return {
    slug: `generated-${index}`,
    title: name.replace(/^./, (c) => c.toUpperCase()),
    category: categories[index % categories.length]!,
    alsoListedAs: [`${pick()}wort ${index}`],
    relatedTerms: [pick(), pick(), pick()],
    summary: sentence(20),
    sections: { background: paragraph(), theoryEvidence: paragraph(), safety: paragraph(), practiceDosing: paragraph(), authorInformation: "Generated." },
    evidence: [{ condition: pick(), grade: "C", note: sentence(8) }],
    references: [],
    status: "published",
  };
}

/** The kinds of query `benchmarkQueries` takes turns at, in order. */
export const QUERY_KINDS = ["one word", "two words", "a prefix", "a word and a miss"] as const;

/** 1,000 queries of the kinds people type: one word, two words, a prefix, a miss. */
export function benchmarkQueries(count: number) {
  const next = random(42);
  const pick = () => zipfWord(next);
  return Array.from({ length: count }, (_, i) => {
    switch (i % QUERY_KINDS.length) {
      case 0:
        return pick();
      case 1:
        return `${pick()} ${pick()}`;
      case 2:
        return pick().slice(0, 3 + Math.floor(next() * 3));
      default:
        return `${pick()} unobtainium${i}`;
    }
  });
}

/**
 * The obvious alternative to FTS: every word as a LIKE over every text column, title
 * matches first (so, like the real search, it must look at every row before it has its
 * best 20).
 */
export function likeSearch(database: DB, query: string) {
  const tokens = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!tokens.length) return [];
  const columns = ["title", "summary", "background", "theory_evidence", "safety", "practice_dosing"];
  const clause = tokens.map(() => `(${columns.map((c) => `${c} like ?`).join(" or ")})`).join(" and ");
  const params = tokens.flatMap((token) => columns.map(() => `%${token}%`));
  return database.$client
    .prepare(`select slug, title from monographs where status = 'published' and ${clause} order by (title like ?) desc, title limit 20`)
    .all(...params, `%${tokens[0]}%`);
}

export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

export function time(fn: () => unknown) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export { random };
