// The owners feature's fixed vocabularies. Pure: the schema and the staff pages use these;
// the equity arithmetic is beside it in equity.ts.

/** An application to become an owner: submitted online, then approved or declined by staff. */
export const ownerApplicationStatuses = ["submitted", "approved", "declined"] as const;
export type OwnerApplicationStatus = (typeof ownerApplicationStatuses)[number];

export const ownerStatuses = ["active", "inactive"] as const;
