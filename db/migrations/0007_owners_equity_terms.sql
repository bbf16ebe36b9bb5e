ALTER TABLE `owner_applications` ADD `equity_plan` text;--> statement-breakpoint
ALTER TABLE `owners` ADD `equity_plan` text;