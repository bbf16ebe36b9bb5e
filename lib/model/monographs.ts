// The health library's fixed vocabularies: categories, statuses, evidence grades and the
// body sections of a monograph. Pure: the schema, the forms and the monograph files use these.

export const monographStatuses = ["draft", "published"] as const;
export type MonographStatus = (typeof monographStatuses)[number];
/** The grade of one row of a monograph's evidence table. */
export const evidenceGrades = ["A", "B", "C", "D", "F"] as const;
export type EvidenceGrade = (typeof evidenceGrades)[number];
/** "Also listed as" terms: synonyms and related terms. */
export const termKinds = ["synonym", "related"] as const;

/** The health library's categories, in table-of-contents order. */
export const monographCategoryList = [
  {
    slug: "alternative-modalities",
    name: "Alternative Modalities",
    description: "Hands-on, movement and mind-body therapies, from acupuncture to prolotherapy.",
  },
  {
    slug: "herbs-supplements",
    name: "Herbs & Supplements",
    description: "Plants and supplements on our shelves: what they are, what studies show, what to watch for.",
  },
  {
    slug: "vitamins-minerals",
    name: "Vitamins & Minerals",
    description: "Nutrients the body needs, how much, and when a supplement helps or harms.",
  },
  {
    slug: "conditions",
    name: "Conditions",
    description: "Common health concerns and the natural approaches people ask us about.",
  },
  {
    slug: "diet-lifestyle",
    name: "Diet & Lifestyle",
    description: "Eating patterns, foods and habits with research behind them.",
  },
] as const;

export type MonographCategorySlug = (typeof monographCategoryList)[number]["slug"];
export const monographCategorySlugs = monographCategoryList.map((category) => category.slug) as [
  MonographCategorySlug,
  ...MonographCategorySlug[],
];

/** A monograph's body sections, in reading order, with the headings files and pages use. */
export const monographSectionKeys = ["background", "theoryEvidence", "safety", "practiceDosing", "authorInformation"] as const;
export type MonographSectionKey = (typeof monographSectionKeys)[number];

export const sectionHeadings: Record<MonographSectionKey, string> = {
  background: "Background",
  theoryEvidence: "Theory / Evidence",
  safety: "Safety",
  practiceDosing: "Practice / Dosing",
  authorInformation: "Author information",
};
