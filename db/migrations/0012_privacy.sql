DROP INDEX `owner_household_members_one_household_idx`;--> statement-breakpoint
ALTER TABLE `owner_household_members` ADD `invite_token_hash` text;--> statement-breakpoint
ALTER TABLE `owner_household_members` ADD `invited_at` integer;--> statement-breakpoint
ALTER TABLE `owner_household_members` ADD `invite_expires_at` integer;--> statement-breakpoint
ALTER TABLE `owner_household_members` ADD `joined_at` integer;--> statement-breakpoint
-- Members with an address were linked at once before invitations existed: they stay members, and can leave from their account.
UPDATE `owner_household_members` SET `joined_at` = CAST(unixepoch('subsec') * 1000 AS integer) WHERE `email` IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `owner_household_members_owner_email_idx` ON `owner_household_members` (`owner_id`,`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `owner_household_members_invite_token_idx` ON `owner_household_members` (`invite_token_hash`);--> statement-breakpoint
CREATE INDEX `owner_household_members_email_idx` ON `owner_household_members` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `owner_household_members_one_household_idx` ON `owner_household_members` (`email`) WHERE "owner_household_members"."joined_at" is not null;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `concerns_type` text;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `concerns_id` text;--> statement-breakpoint
CREATE INDEX `email_outbox_concerns_idx` ON `email_outbox` (`concerns_type`,`concerns_id`);