CREATE TABLE `monograph_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monograph_categories_slug_unique` ON `monograph_categories` (`slug`);--> statement-breakpoint
CREATE TABLE `monograph_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`monograph_id` integer NOT NULL,
	`position` integer NOT NULL,
	`condition` text NOT NULL,
	`grade` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`monograph_id`) REFERENCES `monographs`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "monograph_evidence_grade_check" CHECK("monograph_evidence"."grade" in ('A', 'B', 'C', 'D', 'F'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monograph_evidence_position_idx` ON `monograph_evidence` (`monograph_id`,`position`);--> statement-breakpoint
CREATE TABLE `monograph_references` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`monograph_id` integer NOT NULL,
	`position` integer NOT NULL,
	`authors` text NOT NULL,
	`title` text NOT NULL,
	`journal` text NOT NULL,
	`year` integer NOT NULL,
	`volume_pages` text,
	`pmid` text,
	`doi` text,
	FOREIGN KEY (`monograph_id`) REFERENCES `monographs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monograph_references_position_idx` ON `monograph_references` (`monograph_id`,`position`);--> statement-breakpoint
CREATE TABLE `monograph_terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`monograph_id` integer NOT NULL,
	`kind` text NOT NULL,
	`term` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`monograph_id`) REFERENCES `monographs`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "monograph_terms_kind_check" CHECK("monograph_terms"."kind" in ('synonym', 'related'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monograph_terms_unique_idx` ON `monograph_terms` (`monograph_id`,`kind`,`position`);--> statement-breakpoint
CREATE INDEX `monograph_terms_term_idx` ON `monograph_terms` (`term`);--> statement-breakpoint
CREATE TABLE `monographs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`category_id` integer NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`background` text DEFAULT '' NOT NULL,
	`theory_evidence` text DEFAULT '' NOT NULL,
	`safety` text DEFAULT '' NOT NULL,
	`practice_dosing` text DEFAULT '' NOT NULL,
	`author_information` text DEFAULT '' NOT NULL,
	`reviewed_at` text,
	`reviewer` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`category_id`) REFERENCES `monograph_categories`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "monographs_status_check" CHECK("monographs"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monographs_slug_unique` ON `monographs` (`slug`);--> statement-breakpoint
CREATE INDEX `monographs_category_idx` ON `monographs` (`category_id`,`status`);