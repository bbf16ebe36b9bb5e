CREATE TABLE `newsletter_campaign_lists` (
	`campaign_id` integer NOT NULL,
	`list_id` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `list_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `newsletter_campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`list_id`) REFERENCES `newsletter_lists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `newsletter_campaign_lists_list_idx` ON `newsletter_campaign_lists` (`list_id`);--> statement-breakpoint
CREATE TABLE `newsletter_list_members` (
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
	CONSTRAINT "newsletter_list_members_status_check" CHECK("newsletter_list_members"."status" in ('pending', 'subscribed', 'left')),
	CONSTRAINT "newsletter_list_members_source_check" CHECK("newsletter_list_members"."consent_source" in ('form', 'account', 'import')),
	CONSTRAINT "newsletter_list_members_consent_check" CHECK("newsletter_list_members"."status" <> 'subscribed' or "newsletter_list_members"."consent_at" is not null)
);
--> statement-breakpoint
CREATE INDEX `newsletter_list_members_subscriber_idx` ON `newsletter_list_members` (`subscriber_id`);--> statement-breakpoint
CREATE TABLE `newsletter_lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`audience` text DEFAULT 'everyone' NOT NULL,
	`join_by_default` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "newsletter_lists_audience_check" CHECK("newsletter_lists"."audience" in ('everyone', 'owners'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `newsletter_lists_slug_unique` ON `newsletter_lists` (`slug`);--> statement-breakpoint
ALTER TABLE `newsletter_campaigns` ADD `send_at` integer;--> statement-breakpoint
ALTER TABLE `newsletter_campaigns` ADD `segment` text;--> statement-breakpoint
ALTER TABLE `newsletter_campaigns` ADD `recipient_count` integer;--> statement-breakpoint
ALTER TABLE `newsletter_subscribers` ADD `bounced_at` integer;--> statement-breakpoint
ALTER TABLE `newsletter_subscribers` ADD `bounce_reason` text;--> statement-breakpoint
ALTER TABLE `newsletter_subscribers` ADD `temporary_failures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written: the single newsletter becomes the first list, and everyone keeps what they had.
-- Each subscriber is put on it as they stood (confirmed: on it, with their confirmation as the
-- consent; waiting: waiting; unsubscribed: left), and every campaign so far went to it.
INSERT INTO `newsletter_lists` (`slug`, `name`, `description`, `audience`, `join_by_default`, `position`, `created_at`, `updated_at`)
VALUES ('news', 'Co-op news', 'Store news, sales and events: the newsletter as it has always been.', 'everyone', 1, 0, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000);--> statement-breakpoint
INSERT INTO `newsletter_list_members` (`list_id`, `subscriber_id`, `status`, `chosen_at`, `consent_at`, `consent_ip`, `consent_source`, `left_at`)
SELECT (SELECT `id` FROM `newsletter_lists` WHERE `slug` = 'news'), `id`,
  CASE `status` WHEN 'confirmed' THEN 'subscribed' WHEN 'pending' THEN 'pending' ELSE 'left' END,
  `signed_up_at`,
  CASE WHEN `status` = 'confirmed' THEN coalesce(`confirmed_at`, `signed_up_at`) ELSE `confirmed_at` END,
  `confirm_ip`,
  -- A subscription without a confirming client address was made signed in, on the account page.
  CASE WHEN `confirm_ip` IS NULL AND `confirmed_at` IS NOT NULL THEN 'account' ELSE 'form' END,
  CASE WHEN `status` = 'unsubscribed' THEN coalesce(`unsubscribed_at`, `signed_up_at`) END
FROM `newsletter_subscribers`;--> statement-breakpoint
INSERT INTO `newsletter_campaign_lists` (`campaign_id`, `list_id`)
SELECT `id`, (SELECT `id` FROM `newsletter_lists` WHERE `slug` = 'news') FROM `newsletter_campaigns`;
