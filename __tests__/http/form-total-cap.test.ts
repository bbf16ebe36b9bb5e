import { callAction, hasField, scrapeForm } from "../helpers/forms";
import { applicationFields, applicationFootprint, scalar, submitApplication, withOwnPortal } from "../helpers/owners";
import type { RunningPortal } from "../helpers/portal-server";
import { portalUrl } from "../helpers/portal";
import { waitFor } from "../helpers/wait-for";

// A portal of its own, with every public form capped at 3 an hour whoever sends them.
jest.setTimeout(180_000);

const CAP = 3;
const thanks = { redirect: "/owners/apply/thanks" };
const busy = /^Lots of people are using this form right now\. Please try again in \d+ minutes?/;
let sent = 0;
const newEmail = () => `cap-${Date.now().toString(36)}-${++sent}@coop.example`;
/** A different client each time, as the reverse proxy reports it. */
const newClient = () => ({ "X-Forwarded-For": `198.51.100.${++sent}` });

const apply = (email = newEmail()) => submitApplication(applicationFields(email), newClient());
const askForLink = () => fetch(portalUrl("/api/auth/signin/email"), { method: "POST", body: new URLSearchParams({ email: newEmail() }), headers: newClient() });

/** The portal's log lines that say a form's cap was reached, once the line for `last` has been printed. */
async function capLines(portal: RunningPortal, last: string) {
  const lines = () => portal.output().split("\n").filter((line) => line.includes("hourly cap"));
  await waitFor(`the log line for ${last}`, () => lines().some((line) => line.includes(last)), 10_000, 50).catch(() => undefined);
  return lines();
}

it("the cap on all senders together: the request over it gets a calm message and stores nothing, the server logs it once without personal data, and each form is counted apart", async () => {
  await withOwnPortal("total-cap", { TRUST_PROXY: "1", PUBLIC_FORM_LIMIT_TOTAL_PER_HOUR: String(CAP) }, async (portal) => {
    // An application from an address that has already applied counts like any other: the
    // cap is reached at the same point whoever the addresses belong to.
    const taken = newEmail();
    expect(await apply(taken)).toEqual(thanks);
    expect(await apply(taken)).not.toMatchObject({ code: "rate_limited" });
    expect(await apply()).toEqual(thanks);
    const before = applicationFootprint();
    const outbox = scalar("select count(*) from email_outbox");
    for (let over = 1; over <= 2; over++) expect(await apply()).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(busy) });
    expect(applicationFootprint()).toEqual(before);
    expect(scalar("select count(*) from email_outbox")).toBe(outbox);

    // Sign-in links have their own count: three more are sent, the fourth is refused.
    for (let count = 1; count <= CAP; count++) expect({ count, status: (await askForLink()).status }).toEqual({ count, status: 200 });
    for (let over = 1; over <= 2; over++) {
      const refused = await askForLink();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await refused.json()).message).toMatch(busy);
    }

    const signupForm = await scrapeForm("/visit", "", hasField("firstName"));
    const signUp = () => callAction("/visit", { ...signupForm, email: newEmail(), firstName: "" }, undefined, newClient());
    for (let count = 1; count <= CAP; count++) expect({ count, answer: await signUp() }).toEqual({ count, answer: expect.objectContaining({ ok: true }) });
    expect(await signUp()).toMatchObject({ ok: false, message: expect.stringMatching(busy) });

    const lines = await capLines(portal, "newsletter");
    expect(lines.filter((line) => line.includes("owners:apply"))).toHaveLength(1);
    expect(lines.filter((line) => line.includes("signin"))).toHaveLength(1);
    expect(lines.filter((line) => line.includes("newsletter:signup"))).toHaveLength(1);
    for (const line of lines) expect(line).not.toMatch(/198\.51\.100|@/);
  });
});
