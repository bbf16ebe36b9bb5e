import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import matter from "gray-matter";
import { monographCategoryList } from "@/lib/model/monographs";
import { readMonographFolder } from "@/lib/monographs/folder";
import { pageSchema, type PageInput } from "@/lib/validations/site";
import type { DB } from "../client";
import { ensureMonographCategories, saveMonograph } from "../queries/monograph-writes";
import { monographSlugExists } from "../queries/monographs";
import { pages, settings, users } from "../schema";
import { demoUsers, isFormerDemoAccount } from "../seed-data/demo-users";
import { disableUsersByEmail, enableUsersByEmail, listUsersByName } from "../queries/users";
import { defaultSiteSettings } from "@/lib/model/site-settings";
import { seedDemoCampaigns } from "./seed-demo-campaigns";
import { seedDemoElections } from "./seed-demo-elections";
import { seedDemoJobs } from "./seed-demo-jobs";
import { seedDemoNewsletterLists } from "./seed-demo-newsletter-lists";
import { seedDemoNewsletterSubscribers } from "./seed-demo-newsletter-subscribers";
import { prepareDemoNewsletterIssues, seedDemoNewsletterIssues, type PreparedDemoIssue } from "./seed-demo-newsletter-issues";
import { seedDemoOwners } from "./seed-demo-owners";

export const seedPagesFolder = path.join(__dirname, "..", "seed-data", "pages");
export const seedMonographsFolder = path.join(__dirname, "..", "seed-data", "monographs");

/** Reads the seed pages (Markdown with front matter) and validates each one. */
export function readSeedPages(folder = seedPagesFolder): PageInput[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => {
      const { data, content } = matter(fs.readFileSync(path.join(folder, name), "utf8"));
      const parsed = pageSchema.safeParse({ ...data, markdown: content });
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
        throw new Error(`${name}: ${problems.join("; ")}`);
      }
      return parsed.data;
    });
}

export type SeedReport = {
  pagesAdded: number;
  settingsAdded: number;
  usersAdded: number;
  monographsAdded: number;
  /** Demo owner applications added (the demo ownership's and those waiting for review). */
  demoApplicationsAdded: number;
  /** Demo job postings added (open and closed, with their applicants). */
  demoJobsAdded: number;
  /** Demo newsletter subscribers added (confirmed over the past months, and one waiting to confirm). */
  demoSubscribersAdded: number;
  /** Demo newsletter lists added (the demo subscribers are put on lists with them). */
  demoListsAdded: number;
  /** Demo issues of The Rutabaga Rap added (their PDFs written under DATA_DIR/uploads). */
  demoIssuesAdded: number;
  /** Demo newsletter campaigns added to the email archive (stored as sent; nobody was emailed). */
  demoCampaignsAdded: number;
  /** Demo elections added (one open now, one certified; no ballot email was queued). */
  demoElectionsAdded: number;
  /** Demo accounts this run disabled: outside demo mode they must not sign in. */
  demoAccountsDisabled: string[];
};

function readSeedMonographs() {
  const { monographs, problems } = readMonographFolder(seedMonographsFolder);
  if (problems.length) throw new Error(`Seed monographs are invalid:\n${problems.join("\n")}`);
  return monographs.map((entry) => entry.monograph);
}

export function demoAccountsDisabledMessage(emails: string[]) {
  return `Demo mode is off: disabled the demo accounts ${emails.join(", ")}; they can no longer sign in.`;
}

/**
 * Fills an empty database with the site settings and content pages, and in demo mode
 * the demo accounts and content. Safe to run on every start: rows that exist are left as
 * they are, so staff edits survive. Asynchronous only for the demo issues' PDFs, which
 * are written (under temporary names) before the one transaction and take their final
 * names after it commits.
 */
export async function seedDatabase(database: DB, options: { demo: boolean }): Promise<SeedReport> {
  const seedPages = readSeedPages();
  const seedMonographs = readSeedMonographs();
  const demoIssues = options.demo ? await prepareDemoNewsletterIssues(database) : [];
  let report: SeedReport;
  try {
    report = seedInTransaction(database, options, seedPages, seedMonographs, demoIssues);
  } catch (error) {
    for (const issue of demoIssues) issue.pending.discard();
    throw error;
  }
  for (const issue of demoIssues) {
    if (report.demoIssuesAdded > 0) issue.pending.keep();
    else issue.pending.discard();
  }
  return report;
}

function seedInTransaction(
  database: DB,
  options: { demo: boolean },
  seedPages: PageInput[],
  seedMonographs: ReturnType<typeof readSeedMonographs>,
  demoIssues: PreparedDemoIssue[],
): SeedReport {
  return database.transaction(
    (tx) => {
      const settingsAdded = tx
        .insert(settings)
        .values({ key: "site", value: defaultSiteSettings })
        .onConflictDoNothing()
        .run().changes;
      let pagesAdded = 0;
      for (const page of seedPages) {
        pagesAdded += tx.insert(pages).values(page).onConflictDoNothing().run().changes;
      }
      let usersAdded = 0;
      for (const user of options.demo ? demoUsers : []) {
        usersAdded += tx.insert(users).values(user).onConflictDoNothing({ target: users.email }).run().changes;
      }
      const demoEmails = demoUsers.map((user) => user.email);
      if (options.demo) enableUsersByEmail(tx, demoEmails);
      const formerDemoEmails = listUsersByName(tx, demoUsers.map((user) => user.name)).filter(isFormerDemoAccount).map((user) => user.email);
      const demoAccountsDisabled = disableUsersByEmail(tx, options.demo ? formerDemoEmails : [...demoEmails, ...formerDemoEmails]);
      ensureMonographCategories(tx, monographCategoryList);
      let monographsAdded = 0;
      for (const monograph of seedMonographs) {
        if (monographSlugExists(tx, monograph.slug)) continue;
        saveMonograph(tx, monograph);
        monographsAdded++;
      }
      const approver = tx.select({ id: users.id }).from(users).where(eq(users.email, "staff@coop.example")).get();
      const demoApplicationsAdded = options.demo && approver ? seedDemoOwners(tx, approver.id) : 0;
      const demoJobsAdded = options.demo && approver ? seedDemoJobs(tx, approver.id) : 0;
      const demoSubscribersAdded = options.demo ? seedDemoNewsletterSubscribers(tx) : 0;
      const demoListsAdded = options.demo ? seedDemoNewsletterLists(tx) : 0;
      const demoIssuesAdded = options.demo && approver ? seedDemoNewsletterIssues(tx, demoIssues, approver.id) : 0;
      const demoCampaignsAdded = options.demo && approver ? seedDemoCampaigns(tx, approver.id) : 0;
      const certifier = tx.select({ id: users.id }).from(users).where(eq(users.email, "admin@coop.example")).get();
      const demoElectionsAdded = options.demo && certifier ? seedDemoElections(tx, certifier.id) : 0;
      return {
        pagesAdded,
        settingsAdded,
        usersAdded,
        monographsAdded,
        demoApplicationsAdded,
        demoJobsAdded,
        demoSubscribersAdded,
        demoListsAdded,
        demoIssuesAdded,
        demoCampaignsAdded,
        demoElectionsAdded,
        demoAccountsDisabled,
      };
    },
    { behavior: "immediate" },
  );
}

if (require.main === module) {
  void Promise.all([import("../index"), import("@/lib/env")]).then(async ([{ db }, { getEnv }]) => {
    const report = await seedDatabase(db, { demo: getEnv().demo });
    console.log(
      `Seeded ${report.pagesAdded} pages, ${report.settingsAdded} settings, ${report.usersAdded} demo accounts, ${report.monographsAdded} monographs, ${report.demoApplicationsAdded} demo owner applications, ${report.demoJobsAdded} demo job postings, ${report.demoSubscribersAdded} demo newsletter subscribers, ${report.demoListsAdded} demo newsletter lists, ${report.demoIssuesAdded} demo Rutabaga Rap issues, ${report.demoCampaignsAdded} demo newsletter campaigns, ${report.demoElectionsAdded} demo elections`,
    );
    if (report.demoAccountsDisabled.length) console.log(demoAccountsDisabledMessage(report.demoAccountsDisabled));
  });
}
