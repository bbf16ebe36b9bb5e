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
