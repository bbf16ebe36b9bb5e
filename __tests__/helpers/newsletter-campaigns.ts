import { callAction, hasField, scrapeForm, type ActionAnswer } from "./forms";
import { withPortalDb } from "./portal";

// Staff's campaign forms as tests drive them: the campaigns' own test, and the tests of
// who a campaign reaches (imports).

export const listIdOf = (slug: string, dataDir?: string) => (withPortalDb((db) => db.prepare("select id from newsletter_lists where slug = ?").get(slug), dataDir) as { id: number }).id;

/** The campaign form's fields with only `lists` ticked (scrapeForm keeps every box, ticked or not). */
export const onlyLists = (fields: Record<string, string>, listIds: number[]) => ({
  ...Object.fromEntries(Object.entries(fields).filter(([name]) => !name.startsWith("list-"))),
  ...Object.fromEntries(listIds.map((listId) => [`list-${listId}`, "on"])),
});

export const idFrom = (answer: ActionAnswer) => Number(/\/campaigns\/(\d+)\?/.exec((answer as { redirect: string }).redirect)![1]);

/** A draft to the first list (everyone on it), as the form on the page would send it. */
export async function createCampaign(cookie: string, subject: string, markdown: string, dataDir?: string) {
  const create = await scrapeForm("/staff/newsletter/campaigns/new", cookie, hasField("subject"));
  const answer = await callAction("/staff/newsletter/campaigns/new", { ...onlyLists(create, [listIdOf("news", dataDir)]), ownership: "any", subject, markdown }, cookie);
  expect(answer).toEqual({ redirect: expect.stringMatching(/^\/staff\/newsletter\/campaigns\/\d+\?created=1$/) });
  return idFrom(answer);
}
