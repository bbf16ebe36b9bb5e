/** Cache tags: public data is cached under these and revalidated when staff change it. */
export const cacheTags = {
  settings: "settings",
  pages: "pages",
  page: (slug: string) => `page:${slug}`,
  monographs: "monographs",
  monograph: (slug: string) => `monograph:${slug}`,
  equityPlans: "equity-plans",
  /** Every public view of postings: /jobs, each posting, the feed, the sitemap, the home page. */
  jobs: "jobs",
  /** Every public view of The Rutabaga Rap's issues: /newsletter/issues (and its `#latest`, the aside's link) and its feed. */
  newsletterIssues: "newsletter-issues",
  /** The newsletter's public email archive: each sent campaign's page, the feed, the sitemap, the list on /newsletter. */
  newsletterCampaigns: "newsletter-campaigns",
  /** The lists offered on /newsletter's signup form. */
  newsletterLists: "newsletter-lists",
  /** Every public view of elections: /elections, the sitemap and each election's page. */
  elections: "elections",
  /** One election's page: its status, turnout and, once certified, its results. */
  election: (slug: string) => `election:${slug}`,
} as const;
