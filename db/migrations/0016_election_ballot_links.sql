-- An ownership may hold several ballot links (the opening email's and each reminder's), so the
-- token hash becomes the key. The rebuild deletes no rows: no table refers to election_ballot_links.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_election_ballot_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`election_id` integer NOT NULL,
	`owner_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`election_id`) REFERENCES `elections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_election_ballot_links`("token_hash", "election_id", "owner_id", "expires_at") SELECT "token_hash", "election_id", "owner_id", "expires_at" FROM `election_ballot_links`;--> statement-breakpoint
DROP TABLE `election_ballot_links`;--> statement-breakpoint
ALTER TABLE `__new_election_ballot_links` RENAME TO `election_ballot_links`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `election_ballot_links_ownership_idx` ON `election_ballot_links` (`election_id`,`owner_id`);