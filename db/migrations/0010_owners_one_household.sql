DROP INDEX `owner_household_members_email_idx`;--> statement-breakpoint
-- Before this rule an address could be in two households: the first keeps it, later ones keep the person by name only.
UPDATE `owner_household_members` SET `email` = NULL, `user_id` = NULL
WHERE `email` IS NOT NULL AND `id` NOT IN (SELECT min(`id`) FROM `owner_household_members` WHERE `email` IS NOT NULL GROUP BY `email`);--> statement-breakpoint
CREATE UNIQUE INDEX `owner_household_members_one_household_idx` ON `owner_household_members` (`email`);--> statement-breakpoint
DROP INDEX `owners_user_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `owners_one_per_user_idx` ON `owners` (`user_id`);