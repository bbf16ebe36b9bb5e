CREATE TABLE `equity_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`paid_on` text NOT NULL,
	`method` text NOT NULL,
	`recorded_by` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "equity_payments_amount_check" CHECK("equity_payments"."amount_cents" > 0),
	CONSTRAINT "equity_payments_method_check" CHECK("equity_payments"."method" in ('cash', 'card', 'check', 'other'))
);
--> statement-breakpoint
CREATE INDEX `equity_payments_owner_idx` ON `equity_payments` (`owner_id`,`paid_on`);--> statement-breakpoint
CREATE TABLE `owner_application_household` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`email` text,
	FOREIGN KEY (`application_id`) REFERENCES `owner_applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `owner_application_household_position_idx` ON `owner_application_household` (`application_id`,`position`);--> statement-breakpoint
CREATE TABLE `owner_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`street_address` text NOT NULL,
	`locality` text NOT NULL,
	`region` text NOT NULL,
	`postal_code` text NOT NULL,
	`plan_id` text NOT NULL,
	`flower_programs` text DEFAULT '[]' NOT NULL,
	`signature` text NOT NULL,
	`signed_on` text NOT NULL,
	`note` text,
	`status` text DEFAULT 'submitted' NOT NULL,
	`decline_reason` text,
	`decided_by` text,
	`decided_at` integer,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "owner_applications_status_check" CHECK("owner_applications"."status" in ('submitted', 'approved', 'declined')),
	CONSTRAINT "owner_applications_declined_reason_check" CHECK("owner_applications"."status" <> 'declined' or "owner_applications"."decline_reason" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `owner_applications_one_pending_idx` ON `owner_applications` (`email`) WHERE "owner_applications"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX `owner_applications_queue_idx` ON `owner_applications` (`status`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `owner_household_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`user_id` text,
	FOREIGN KEY (`owner_id`) REFERENCES `owners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `owner_household_members_email_idx` ON `owner_household_members` (`owner_id`,`email`);--> statement-breakpoint
CREATE INDEX `owner_household_members_user_idx` ON `owner_household_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `owner_number_sequence` (
	`id` integer PRIMARY KEY NOT NULL,
	`next` integer NOT NULL,
	CONSTRAINT "owner_number_sequence_single_row_check" CHECK("owner_number_sequence"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `owners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_number` integer NOT NULL,
	`user_id` text NOT NULL,
	`application_id` integer,
	`name` text NOT NULL,
	`plan_id` text NOT NULL,
	`joined_on` text NOT NULL,
	`flower_verified_until` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `owner_applications`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "owners_status_check" CHECK("owners"."status" in ('active', 'inactive'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `owners_ownerNumber_unique` ON `owners` (`owner_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `owners_applicationId_unique` ON `owners` (`application_id`);--> statement-breakpoint
CREATE INDEX `owners_user_idx` ON `owners` (`user_id`);--> statement-breakpoint
-- The first owner number a new portal hands out; admins can move it in Settings.
INSERT INTO `owner_number_sequence` (`id`, `next`) VALUES (1, 1001);
