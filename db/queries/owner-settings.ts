import "server-only";
import { eq } from "drizzle-orm";
import { defaultEquityPlans, type EquityPlan } from "@/lib/owners/equity";
import { equityPlansSchema } from "@/lib/validations/owner-settings";
import { db } from "../index";
import { settings } from "../schema";
import type { Executor } from "./executor";

const EQUITY_PLANS_KEY = "equity-plans";

/** The equity plans offered to applicants now: the stored ones, or the defaults until an admin saves some. */
export function getEquityPlans(executor: Executor = db): EquityPlan[] {
  const row = executor.select({ value: settings.value }).from(settings).where(eq(settings.key, EQUITY_PLANS_KEY)).get();
  const parsed = equityPlansSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultEquityPlans;
}

/** Replaces the plans offered to new applicants; applications and owners keep the terms they signed up to. */
export function saveEquityPlans(executor: Executor, plans: EquityPlan[], userId: string) {
  executor
    .insert(settings)
    .values({ key: EQUITY_PLANS_KEY, value: plans, updatedBy: userId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value: plans, updatedBy: userId, updatedAt: new Date() } })
    .run();
}
