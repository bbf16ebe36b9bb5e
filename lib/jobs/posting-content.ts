import type { Root } from "hast";
import { markdownToTree } from "@/lib/markdown/to-tree";
import { treeToText } from "@/lib/markdown/to-text";
import type { PublicJob } from "./cached";

export const postingSectionKeys = ["description", "responsibilities", "qualifications", "benefits"] as const;
export type PostingSectionKey = (typeof postingSectionKeys)[number];

const headings: Record<PostingSectionKey, string> = {
  description: "About the job",
  responsibilities: "What you will do",
  qualifications: "What we are looking for",
  benefits: "Benefits",
};

export type PostingSection = { key: PostingSectionKey; heading: string; tree: Root; text: string };

/**
 * A posting's Markdown sections, parsed, with their plain text; empty sections left out.
 * Parsed at render: public job pages are prerendered, so this runs once per revalidation,
 * not once per view.
 */
export function postingSections(job: Pick<PublicJob, PostingSectionKey>): PostingSection[] {
  return postingSectionKeys
    .filter((key) => job[key].trim())
    .map((key) => {
      const tree = markdownToTree(job[key]);
      return { key, heading: headings[key], tree, text: treeToText(tree) };
    });
}

/** Each section's plain text by its key, "" for the empty ones: what JSON-LD carries. */
export function postingText(sections: PostingSection[]): Record<PostingSectionKey, string> {
  const text = { description: "", responsibilities: "", qualifications: "", benefits: "" };
  for (const section of sections) text[section.key] = section.text;
  return text;
}

/** A posting's description in a sentence or two, as plain text: meta descriptions and feed items. */
export function postingSummary(job: Pick<PublicJob, "description">, length = 200) {
  return excerpt(treeToText(markdownToTree(job.description)), length);
}

/** The first `length` characters of a text, cut at a word: for meta descriptions and feed summaries. */
export function excerpt(text: string, length = 200) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  return `${flat.slice(0, length).replace(/\s+\S*$/, "")}…`;
}
