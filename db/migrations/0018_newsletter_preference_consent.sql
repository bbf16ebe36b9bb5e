PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_newsletter_list_members` (
	`list_id` integer NOT NULL,
	`subscriber_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`chosen_at` integer NOT NULL,
	`consent_at` integer,
	`consent_ip` text,
	`consent_source` text NOT NULL,
	`left_at` integer,
	PRIMARY KEY(`list_id`, `subscriber_id`),
	FOREIGN KEY (`list_id`) REFERENCES `newsletter_lists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subscriber_id`) REFERENCES `newsletter_subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "newsletter_list_members_status_check" CHECK("__new_newsletter_list_members"."status" in ('pending', 'subscribed', 'left')),
	CONSTRAINT "newsletter_list_members_source_check" CHECK("__new_newsletter_list_members"."consent_source" in ('form', 'account', 'import', 'preferences')),
	CONSTRAINT "newsletter_list_members_consent_check" CHECK("__new_newsletter_list_members"."status" <> 'subscribed' or "__new_newsletter_list_members"."consent_at" is not null)
);
--> statement-breakpoint
INSERT INTO `__new_newsletter_list_members`("list_id", "subscriber_id", "status", "chosen_at", "consent_at", "consent_ip", "consent_source", "left_at") SELECT "list_id", "subscriber_id", "status", "chosen_at", "consent_at", "consent_ip", "consent_source", "left_at" FROM `newsletter_list_members`;--> statement-breakpoint
DROP TABLE `newsletter_list_members`;--> statement-breakpoint
ALTER TABLE `__new_newsletter_list_members` RENAME TO `newsletter_list_members`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `newsletter_list_members_subscriber_idx` ON `newsletter_list_members` (`subscriber_id`);