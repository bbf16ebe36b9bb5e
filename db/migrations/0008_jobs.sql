CREATE TABLE `job_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text NOT NULL,
	`availability` text NOT NULL,
	`is_owner` integer DEFAULT false NOT NULL,
	`cover_letter` text DEFAULT '' NOT NULL,
	`resume_upload_id` text,
	`resume_text` text,
	`status` text DEFAULT 'new' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`status_changed_at` integer NOT NULL,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`resume_upload_id`) REFERENCES `uploads`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "job_applications_status_check" CHECK("job_applications"."status" in ('new', 'reviewing', 'interview', 'offer', 'hired', 'declined'))
);
--> statement-breakpoint
CREATE INDEX `job_applications_job_idx` ON `job_applications` (`job_id`,`status`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`department` text NOT NULL,
	`employment_type` text NOT NULL,
	`hours` text NOT NULL,
	`pay_min_cents` integer NOT NULL,
	`pay_max_cents` integer,
	`pay_unit` text NOT NULL,
	`location` text NOT NULL,
	`description` text NOT NULL,
	`responsibilities` text DEFAULT '' NOT NULL,
	`qualifications` text DEFAULT '' NOT NULL,
	`benefits` text DEFAULT '' NOT NULL,
	`closes_on` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` integer,
	`closed_at` integer,
	`created_by` text,
	`updated_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "jobs_status_check" CHECK("jobs"."status" in ('draft', 'published', 'closed')),
	CONSTRAINT "jobs_employment_type_check" CHECK("jobs"."employment_type" in ('full_time', 'part_time', 'seasonal', 'temporary')),
	CONSTRAINT "jobs_pay_unit_check" CHECK("jobs"."pay_unit" in ('hour', 'year')),
	CONSTRAINT "jobs_pay_check" CHECK("jobs"."pay_min_cents" >= 0 and ("jobs"."pay_max_cents" is null or "jobs"."pay_max_cents" >= "jobs"."pay_min_cents"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_slug_unique` ON `jobs` (`slug`);--> statement-breakpoint
CREATE INDEX `jobs_status_idx` ON `jobs` (`status`,`closes_on`);--> statement-breakpoint
CREATE TABLE `uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`original_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`created_at` integer NOT NULL
);
