import "server-only";
import { defaultEquityPlans, type EquityPlan } from "@/lib/model/equity";
import { equityPlansSchema } from "@/lib/validations/owner-settings";
import { db } from "../index";
import type { Executor } from "./executor";
import { readSetting, saveSetting } from "./settings";

/** The equity plans offered to applicants now: the stored ones, or the defaults until an admin saves some. */
export function getEquityPlans(executor: Executor = db): EquityPlan[] {
  return readSetting("equity-plans", equityPlansSchema, defaultEquityPlans, executor);
}

/** Replaces the plans offered to new applicants; applications and owners keep the terms they signed up to. */
export function saveEquityPlans(executor: Executor, plans: EquityPlan[], userId: string) {
  saveSetting(executor, "equity-plans", plans, userId);
}
