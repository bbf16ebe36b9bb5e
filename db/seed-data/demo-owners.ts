import type { OwnerApplicationInput } from "@/lib/validations/owners";

/**
 * The demo ownership (owner no. 1001, equity partly paid, one household member who signs
 * in with their own link) and a few applications waiting for staff. Fictional people on
 * the reserved `.example` domain, with phone numbers in the 555-01xx range.
 */
const address = { locality: "Rochester", region: "NY" };

export const demoOwnerApplication: OwnerApplicationInput = {
  applicant: { name: "Demo Owner", email: "owner@coop.example", phone: "585-555-0150", streetAddress: "18 Oxford St", postalCode: "14607", ...address },
  household: [{ name: "Demo Household Member", email: "household@coop.example" }],
  planId: "monthly",
  flower: [],
  agreement: { bylaws: true, dataUse: true, signature: "Demo Owner" },
};

/** Months before today that the demo owner joined, and how many payments they made since. */
export const demoOwnerMonthsAgo = 3;
export const demoOwnerPaymentsMade = 2;

export const demoPendingApplications: OwnerApplicationInput[] = [
  {
    applicant: { name: "Maria Santos", email: "maria.santos@coop.example", phone: "585-555-0161", streetAddress: "233 Park Ave", postalCode: "14607", ...address },
    household: [{ name: "Luis Santos", email: "luis.santos@coop.example" }, { name: "Ana Santos" }],
    planId: "monthly",
    flower: ["snap"],
    agreement: { bylaws: true, dataUse: true, signature: "Maria Santos", note: "We shop on Saturdays and would like the monthly plan." },
  },
  {
    applicant: { name: "Dev Patel", email: "dev.patel@coop.example", phone: "585-555-0162", streetAddress: "41 Monroe Ave", postalCode: "14607", ...address },
    household: [],
    planId: "full",
    flower: [],
    agreement: { bylaws: true, dataUse: true, signature: "Dev Patel" },
  },
  {
    applicant: { name: "Grace O'Neill", email: "grace.oneill@coop.example", phone: "585-555-0163", streetAddress: "9 Goodman St N", postalCode: "14607", ...address },
    household: [{ name: "Tom O'Neill" }],
    planId: "monthly",
    flower: ["wic", "medicaid"],
    agreement: { bylaws: true, dataUse: true, signature: "Grace O'Neill" },
  },
];
