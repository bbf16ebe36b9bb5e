/** Cache tags: public data is cached under these and revalidated when staff change it. */
export const cacheTags = {
  settings: "settings",
  pages: "pages",
  page: (slug: string) => `page:${slug}`,
  monographs: "monographs",
  monograph: (slug: string) => `monograph:${slug}`,
  equityPlans: "equity-plans",
} as const;
