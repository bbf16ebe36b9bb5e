/**
 * Why a query or service refused: what its callers tell refusals apart by. Each module that
 * refuses declares its own part of this union beside its functions (`JobRefusal` in
 * db/queries/jobs.ts) and refuses only through it.
 */
export type ErrorReason =
  | "slug_taken"
  | "issue_not_found"
  | "job_not_found"
  | "job_closed"
  | "application_not_found"
  | "campaign_not_found"
  | "not_draft"
  | "same_status"
  | "draft_not_closable"
  | "already_owner"
  | "application_pending"
  | "application_not_pending"
  | "applicant_in_ownership"
  | "owner_number_sequence_missing"
  | "owner_number_taken"
  | "household_email_is_yours"
  | "invitation_not_open"
  | "already_in_ownership"
  | "upload_quota_full"
  | "owner_not_found"
  | "election_not_found"
  | "election_closed"
  | "not_on_roll"
  | "already_on_roll"
  | "already_voted"
  | "ballot_frozen"
  | "ballot_item_not_found"
  | "ballot_full"
  | "ballot_empty"
  | "list_not_found"
  | "import_not_staged";

/**
 * The words anyone reads for a reason when no action said more. Queries speak in reasons,
 * actions speak to people: an action that can say more (the field at fault, the value to
 * choose) maps the reasons it meets to its own words (`explainRefusals` in errors.ts);
 * these are the words everyone else reads, so that nobody is ever shown a code. Every
 * reason has words here, or this does not compile.
 */
export const reasonWords: Readonly<Record<ErrorReason, string>> = {
  slug_taken: "Another one already has this address. Choose another.",
  issue_not_found: "That issue no longer exists. Reload the page to see the current list.",
  job_not_found: "That posting no longer exists. Reload the page to see the current list.",
  job_closed: "This posting is no longer taking applications.",
  application_not_found: "That application no longer exists. Reload the page to see the current list.",
  campaign_not_found: "That campaign no longer exists. Reload the page to see the current list.",
  not_draft: "This is no longer a draft, so it cannot change that way. Reload the page to see where it is.",
  same_status: "It already has that status. Reload the page to see the latest.",
  draft_not_closable: "A draft was never public, so there is nothing to close. Delete it, or publish it first.",
  already_owner: "This address already belongs to an ownership.",
  application_pending: "An application from this address is already waiting for review.",
  application_not_pending: "This application was already decided, perhaps by someone else a moment ago. Reload the page to see how.",
  applicant_in_ownership: "Since applying, this person has joined another ownership's household, and each person can be in one household.",
  owner_number_sequence_missing:
    "Nothing was saved: the portal's record of the next owner number is missing from its database, so no owner number can be given. Whoever looks after the portal can put it back by restoring the latest backup.",
  owner_number_taken: "That owner number is not above the highest already given. Choose a higher one.",
  household_email_is_yours: "This is your own address: you are the primary owner already.",
  invitation_not_open: "This invitation is no longer open. Ask the owner to send it again.",
  already_in_ownership: "You already belong to an ownership, and each person can be in one household. Leave that one first (from your account page), then accept.",
  upload_quota_full: "There is no room left for uploaded files. Nothing was saved; ask whoever looks after the portal to make room.",
  owner_not_found: "That ownership no longer exists. Reload the page to see the current list.",
  election_not_found: "That election no longer exists. Reload the page to see the current list.",
  election_closed: "This election is not open for voting now, so nothing was recorded.",
  not_on_roll: "This ownership is not on the roll of this election, so nothing was recorded.",
  already_on_roll: "This ownership is on the roll already.",
  already_voted: "This ownership has voted in this election already: each ownership has one vote. Nothing was recorded.",
  ballot_frozen: "Voting has opened on this election, so nothing about it can change any more. Nothing was saved.",
  ballot_item_not_found: "That race, candidate or measure is no longer on the ballot. Reload the page to see the ballot as it is.",
  ballot_full: "The ballot has as many of these as it can hold. Remove one before adding another.",
  ballot_empty: "The ballot is empty: add a race or a measure before opening the election.",
  list_not_found: "That list no longer exists. Reload the page to see the current lists.",
  import_not_staged: "This file is no longer waiting to be imported: it was imported already, or it waited longer than a day. Nothing was changed.",
};
