ALTER TABLE `email_outbox` ADD `redact_after` integer;--> statement-breakpoint
CREATE INDEX `email_outbox_redact_idx` ON `email_outbox` (`redact_after`);