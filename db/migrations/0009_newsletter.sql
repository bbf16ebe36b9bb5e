CREATE TABLE `newsletter_campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text,
	`subject` text NOT NULL,
	`markdown` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`send_started_at` integer,
	`sent_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "newsletter_campaigns_status_check" CHECK("newsletter_campaigns"."status" in ('draft', 'sending', 'sent'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `newsletter_campaigns_slug_unique` ON `newsletter_campaigns` (`slug`);--> statement-breakpoint
CREATE TABLE `newsletter_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`subscriber_id` integer NOT NULL,
	`email_id` integer,
	`unsubscribe_token_hash` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `newsletter_campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `newsletter_subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`email_id`) REFERENCES `email_outbox`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "newsletter_deliveries_status_check" CHECK("newsletter_deliveries"."status" in ('queued', 'cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `newsletter_deliveries_unsubscribeTokenHash_unique` ON `newsletter_deliveries` (`unsubscribe_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `newsletter_deliveries_pair_idx` ON `newsletter_deliveries` (`campaign_id`,`subscriber_id`);--> statement-breakpoint
CREATE INDEX `newsletter_deliveries_subscriber_idx` ON `newsletter_deliveries` (`subscriber_id`);--> statement-breakpoint
CREATE TABLE `newsletter_issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`issued_on` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`upload_id` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`upload_id`) REFERENCES `uploads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `newsletter_issues_slug_unique` ON `newsletter_issues` (`slug`);--> statement-breakpoint
CREATE INDEX `newsletter_issues_date_idx` ON `newsletter_issues` (`issued_on`);--> statement-breakpoint
CREATE TABLE `newsletter_subscribers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`first_name` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`confirm_token_hash` text,
	`confirm_token_expires_at` integer,
	`unsubscribe_token_hash` text,
	`signed_up_at` integer NOT NULL,
	`confirmed_at` integer,
	`confirm_ip` text,
	`unsubscribed_at` integer,
	CONSTRAINT "newsletter_subscribers_status_check" CHECK("newsletter_subscribers"."status" in ('pending', 'confirmed', 'unsubscribed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `newsletter_subscribers_email_unique` ON `newsletter_subscribers` (`email`);--> statement-breakpoint
CREATE INDEX `newsletter_subscribers_status_idx` ON `newsletter_subscribers` (`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `newsletter_subscribers_confirm_token_idx` ON `newsletter_subscribers` (`confirm_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `newsletter_subscribers_unsubscribe_token_idx` ON `newsletter_subscribers` (`unsubscribe_token_hash`);