CREATE TABLE `election_ballot_links` (
	`election_id` integer NOT NULL,
	`owner_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`election_id`, `owner_id`),
	FOREIGN KEY (`election_id`) REFERENCES `elections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `election_ballot_links_tokenHash_unique` ON `election_ballot_links` (`token_hash`);--> statement-breakpoint
-- Hand-edited: WITHOUT ROWID (drizzle-kit cannot write it). A rowid table keeps rows in the
-- order they were inserted, so reading the file would give the order of voting; here the rows
-- are stored in the order of their random ids, which tells nothing. A migration that ever
-- rebuilds this table must keep the clause.
CREATE TABLE `election_ballots` (
	`id` text PRIMARY KEY NOT NULL,
	`election_id` integer NOT NULL,
	`choices` text NOT NULL,
	FOREIGN KEY (`election_id`) REFERENCES `elections`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `election_ballots_election_idx` ON `election_ballots` (`election_id`);--> statement-breakpoint
CREATE TABLE `election_candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`race_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`statement` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`race_id`) REFERENCES `election_races`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `election_candidates_position_idx` ON `election_candidates` (`race_id`,`position`);--> statement-breakpoint
CREATE TABLE `election_measures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`election_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`election_id`) REFERENCES `elections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `election_measures_position_idx` ON `election_measures` (`election_id`,`position`);--> statement-breakpoint
CREATE TABLE `election_paper_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`election_id` integer NOT NULL,
	`entered_by` text,
	`entered_at` integer NOT NULL,
	`ballots` integer NOT NULL,
	`totals` text NOT NULL,
	FOREIGN KEY (`election_id`) REFERENCES `elections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "election_paper_batches_ballots_check" CHECK("election_paper_batches"."ballots" > 0)
);
--> statement-breakpoint
CREATE INDEX `election_paper_batches_election_idx` ON `election_paper_batches` (`election_id`);--> statement-breakpoint
CREATE TABLE `election_races` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`election_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`seats` integer NOT NULL,
	`write_in` integer DEFAULT false NOT NULL,
	`candidate_order` text DEFAULT 'alphabetical' NOT NULL,
	FOREIGN KEY (`election_id`) REFERENCES `elections`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "election_races_seats_check" CHECK("election_races"."seats" >= 1),
	CONSTRAINT "election_races_candidate_order_check" CHECK("election_races"."candidate_order" in ('alphabetical', 'shuffled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `election_races_position_idx` ON `election_races` (`election_id`,`position`);--> statement-breakpoint
-- Hand-edited: WITHOUT ROWID, for the same reason as election_ballots: stored in the order of
-- their random codes, receipts cannot be lined up with ballots or with the roll's voting times.
CREATE TABLE `election_receipts` (
	`code` text PRIMARY KEY NOT NULL,
	`election_id` integer NOT NULL,
	FOREIGN KEY (`election_id`) REFERENCES `elections`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `election_receipts_election_idx` ON `election_receipts` (`election_id`);--> statement-breakpoint
CREATE TABLE `election_roll` (
	`election_id` integer NOT NULL,
	`owner_id` integer NOT NULL,
	`added_at` integer NOT NULL,
	`removed_at` integer,
	`removed_reason` text,
	`voted_at` integer,
	`channel` text,
	PRIMARY KEY(`election_id`, `owner_id`),
	FOREIGN KEY (`election_id`) REFERENCES `elections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "election_roll_channel_check" CHECK("election_roll"."channel" in ('online', 'paper')),
	CONSTRAINT "election_roll_voted_check" CHECK(("election_roll"."channel" is null) = ("election_roll"."voted_at" is null)),
	CONSTRAINT "election_roll_removed_check" CHECK(("election_roll"."removed_at" is null) = ("election_roll"."removed_reason" is null))
);
--> statement-breakpoint
CREATE INDEX `election_roll_owner_idx` ON `election_roll` (`owner_id`);--> statement-breakpoint
CREATE TABLE `elections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`record_date` text NOT NULL,
	`eligibility` text DEFAULT 'approved' NOT NULL,
	`quorum_kind` text NOT NULL,
	`quorum_value` integer NOT NULL,
	`voters` text DEFAULT 'primary' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`results_json` text,
	`certified_at` integer,
	`certified_by` text,
	`last_reminder_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`certified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "elections_status_check" CHECK("elections"."status" in ('draft', 'open', 'closed', 'certified')),
	CONSTRAINT "elections_eligibility_check" CHECK("elections"."eligibility" in ('approved', 'approved_paid_up')),
	CONSTRAINT "elections_quorum_kind_check" CHECK("elections"."quorum_kind" in ('count', 'percent')),
	CONSTRAINT "elections_voters_check" CHECK("elections"."voters" in ('primary', 'any_adult')),
	CONSTRAINT "elections_window_check" CHECK("elections"."closes_at" > "elections"."opens_at"),
	CONSTRAINT "elections_quorum_value_check" CHECK("elections"."quorum_value" >= 0 and ("elections"."quorum_kind" <> 'percent' or "elections"."quorum_value" <= 100)),
	CONSTRAINT "elections_record_date_check" CHECK("elections"."record_date" glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "elections_certified_check" CHECK("elections"."status" <> 'certified' or ("elections"."certified_at" is not null and "elections"."results_json" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `elections_slug_unique` ON `elections` (`slug`);--> statement-breakpoint
CREATE INDEX `elections_status_idx` ON `elections` (`status`,`closes_at`);