import { db } from "@/db";
import { getJobSettings, saveJobSettings } from "@/db/queries/job-settings";
import { getEquityPlans, saveEquityPlans } from "@/db/queries/owner-settings";
import { settings, users } from "@/db/schema";
import { defaultEquityPlans, type EquityPlan } from "@/lib/model/equity";
import { defaultJobSettings } from "@/lib/model/jobs";

// The site settings are proven in site-queries.test.ts; these are the other two settings
// read through the same readSetting.

const adminId = "settings-admin";
beforeAll(() => db.insert(users).values({ id: adminId, email: "settings-admin@coop.example", role: "admin" }).run());

const store = (key: string, value: unknown) =>
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();

describe("the jobs settings", () => {
  it("are the defaults until an admin saves some, then what was saved", () => {
    expect(getJobSettings()).toEqual(defaultJobSettings);
    saveJobSettings(db, { retentionDays: 90 }, adminId);
    expect(getJobSettings()).toEqual({ retentionDays: 90 });
  });

  it("fall back to the defaults when the stored value no longer validates", () => {
    store("jobs", { retentionDays: 5 });
    expect(getJobSettings()).toEqual(defaultJobSettings);
  });
});

describe("the equity plans", () => {
  const onlyPlan: EquityPlan = { id: "whole", name: "All at once", totalCents: 10_000, firstPaymentCents: 10_000, installmentCents: 0, intervalMonths: 1 };

  it("are the defaults until an admin saves some", () => {
    expect(getEquityPlans()).toEqual(defaultEquityPlans);
  });

  it("are the saved list whole, never filled up from the defaults' list", () => {
    saveEquityPlans(db, [onlyPlan], adminId);
    expect(getEquityPlans()).toEqual([onlyPlan]);
  });

  it("fall back to the defaults when the stored value no longer validates", () => {
    store("equity-plans", []);
    expect(getEquityPlans()).toEqual(defaultEquityPlans);
  });
});
