-- A delivery outlives its subscriber's erasure (subscriber_id becomes null), so that its campaign still counts the copy that went out.
-- The rebuild deletes no other rows: no table refers to newsletter_deliveries.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_newsletter_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`subscriber_id` integer,
	`email_id` integer,
	`unsubscribe_token_hash` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `newsletter_campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `newsletter_subscribers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`email_id`) REFERENCES `email_outbox`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "newsletter_deliveries_status_check" CHECK("__new_newsletter_deliveries"."status" in ('queued', 'cancelled'))
);
--> statement-breakpoint
INSERT INTO `__new_newsletter_deliveries`("id", "campaign_id", "subscriber_id", "email_id", "unsubscribe_token_hash", "status", "created_at") SELECT "id", "campaign_id", "subscriber_id", "email_id", "unsubscribe_token_hash", "status", "created_at" FROM `newsletter_deliveries`;--> statement-breakpoint
DROP TABLE `newsletter_deliveries`;--> statement-breakpoint
ALTER TABLE `__new_newsletter_deliveries` RENAME TO `newsletter_deliveries`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `newsletter_deliveries_unsubscribeTokenHash_unique` ON `newsletter_deliveries` (`unsubscribe_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `newsletter_deliveries_pair_idx` ON `newsletter_deliveries` (`campaign_id`,`subscriber_id`);--> statement-breakpoint
CREATE INDEX `newsletter_deliveries_subscriber_idx` ON `newsletter_deliveries` (`subscriber_id`);