DROP INDEX `owner_household_members_email_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `owner_household_members_one_household_idx` ON `owner_household_members` (`email`);--> statement-breakpoint
DROP INDEX `owners_user_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `owners_one_per_user_idx` ON `owners` (`user_id`);