ALTER TABLE `owners` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `owners` ADD `street_address` text;--> statement-breakpoint
ALTER TABLE `owners` ADD `locality` text;--> statement-breakpoint
ALTER TABLE `owners` ADD `region` text;--> statement-breakpoint
ALTER TABLE `owners` ADD `postal_code` text;--> statement-breakpoint
-- Ownerships approved before this migration take their contact details from their application.
UPDATE `owners` SET
  `phone` = (SELECT `phone` FROM `owner_applications` WHERE `owner_applications`.`id` = `owners`.`application_id`),
  `street_address` = (SELECT `street_address` FROM `owner_applications` WHERE `owner_applications`.`id` = `owners`.`application_id`),
  `locality` = (SELECT `locality` FROM `owner_applications` WHERE `owner_applications`.`id` = `owners`.`application_id`),
  `region` = (SELECT `region` FROM `owner_applications` WHERE `owner_applications`.`id` = `owners`.`application_id`),
  `postal_code` = (SELECT `postal_code` FROM `owner_applications` WHERE `owner_applications`.`id` = `owners`.`application_id`)
WHERE `application_id` IS NOT NULL;
