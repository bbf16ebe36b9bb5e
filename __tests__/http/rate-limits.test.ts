import { requestSignInLink } from "../helpers/auth";
import { callAction, hasField, postUploadForm, scrapeForm, scrapeUploadForm } from "../helpers/forms";
import { withOwnPortal } from "../helpers/owners";
import { withPortalDb } from "../helpers/portal";

// The suites raise the rate limits for their own portals (they send thousands of forms from
// 127.0.0.1). Here a portal runs with the defaults, and each limit holds: the request over
// it is refused with a message and writes nothing. The owner application's limit at its
// default is proven in owner-applications.test.ts.

jest.setTimeout(120_000);

const PUBLIC_FORM_LIMIT = 10;
const SIGNIN_LIMIT = 20;
const run = Date.now().toString(36);
const count = (sql: string) => withPortalDb((sqlite) => sqlite.prepare(sql).pluck().get() as number);

beforeAll(() => {
  // The other suites' settings must not leak into this one.
  expect(process.env.PUBLIC_FORM_LIMIT_PER_IP).toBeUndefined();
  expect(process.env.SIGNIN_LIMIT_PER_IP).toBeUndefined();
});

it("at their defaults: 10 job applications and 10 newsletter signups an hour from one address, 20 sign-in links; the next one is refused and stores nothing", async () => {
  await withOwnPortal("limits-default", {}, async () => {
    const slug = withPortalDb((sqlite) => sqlite.prepare("select slug from jobs where status = 'published' and closes_on >= date('now') order by id limit 1").pluck().get() as string);
    const applyForm = await scrapeUploadForm(`/jobs/${slug}/apply`, "", hasField("resumeText"));
    const apply = async (index: number) =>
      (await postUploadForm(applyForm.action, { ...applyForm.fields, name: "Rosa Martinez", email: `limit-${run}-${index}@coop.example`, phone: "585-555-0134", availability: "Weekends", resumeText: "Ten years in retail." })).answer;
    for (let index = 1; index <= PUBLIC_FORM_LIMIT; index++) expect({ index, answer: await apply(index) }).toEqual({ index, answer: expect.not.objectContaining({ ok: false }) });
    const applications = count("select count(*) from job_applications");
    expect(await apply(PUBLIC_FORM_LIMIT + 1)).toMatchObject({ ok: false, code: "rate_limited" });
    expect(count("select count(*) from job_applications")).toBe(applications);

    const signupForm = await scrapeForm("/visit", "", hasField("firstName"));
    const signUp = (index: number) => callAction("/visit", { ...signupForm, email: `signup-${run}-${index}@coop.example`, firstName: "" });
    for (let index = 1; index <= PUBLIC_FORM_LIMIT; index++) expect({ index, answer: await signUp(index) }).toEqual({ index, answer: expect.objectContaining({ ok: true }) });
    const subscribers = count("select count(*) from newsletter_subscribers");
    const mail = count("select count(*) from email_outbox");
    expect(await signUp(PUBLIC_FORM_LIMIT + 1)).toMatchObject({ ok: false, message: expect.stringMatching(/too many/i) });
    expect(count("select count(*) from newsletter_subscribers")).toBe(subscribers);
    expect(count("select count(*) from email_outbox")).toBe(mail);

    // Served directly (TRUST_PROXY=0), the client is the socket's peer: made-up forwarding
    // headers, and the one the portal stamps the peer's address in, buy no fresh limit.
    const madeUp = (index: number) => ({ "X-Forwarded-For": `10.9.8.${index}`, "X-Portal-Socket-Address": `198.51.100.${index}` });
    for (let index = 1; index <= SIGNIN_LIMIT; index++) expect({ index, status: (await requestSignInLink(`signin-${run}-${index}@coop.example`, undefined, madeUp(index))).status }).toEqual({ index, status: 200 });
    const tokens = count("select count(*) from verification_tokens");
    const refused = await requestSignInLink(`signin-${run}-over@coop.example`, undefined, madeUp(0));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(count("select count(*) from verification_tokens")).toBe(tokens);
  });
});
