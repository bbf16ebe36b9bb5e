import { performance } from "node:perf_hooks";
import type { DB } from "@/db/client";
import type { MonographInput } from "@/lib/validations/monographs";

const words =
  "ginger turmeric ligament tendon sleep melatonin zinc cold immune joint cartilage omega fish heart cholesterol fiber digestion gut probiotic anxiety stress meditation yoga massage acupuncture needle herb root leaf berry tea vitamin mineral calcium bone iron blood magnesium muscle cramp headache migraine nausea pregnancy liver kidney skin eczema allergy pollen garlic onion pepper mint valerian chamomile lavender elder echinacea".split(
    " ",
  );

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
  const pick = () => words[Math.floor(next() * words.length)]!;
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

/** 1,000 queries of the kinds people type: one word, two words, a prefix, a miss. */
export function benchmarkQueries(count: number) {
  const next = random(42);
  const pick = () => words[Math.floor(next() * words.length)]!;
  return Array.from({ length: count }, (_, i) => {
    switch (i % 4) {
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

/** The obvious alternative to FTS: every word as a LIKE over every text column. */
export function likeSearch(database: DB, query: string) {
  const tokens = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!tokens.length) return [];
  const columns = ["title", "summary", "background", "theory_evidence", "safety", "practice_dosing"];
  const clause = tokens.map(() => `(${columns.map((c) => `${c} like ?`).join(" or ")})`).join(" and ");
  const params = tokens.flatMap((token) => columns.map(() => `%${token}%`));
  return database.$client.prepare(`select slug, title from monographs where status = 'published' and ${clause} limit 20`).all(...params);
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
