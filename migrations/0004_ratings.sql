ALTER TABLE `complaints` ADD `rating` integer;--> statement-breakpoint
ALTER TABLE `complaints` ADD `rating_comment` text;