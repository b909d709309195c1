CREATE TABLE `agencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text,
	`kind` text NOT NULL,
	`regency_code` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`regency_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agencies_kind_check" CHECK("agencies"."kind" in ('dinas', 'badan', 'biro', 'bumd', 'rsud', 'vertical', 'regency_government')),
	CONSTRAINT "agencies_slug_check" CHECK("agencies"."slug" glob '[a-z0-9]*' and "agencies"."slug" not glob '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_slug_unique` ON `agencies` (`slug`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL,
	`description_id` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`default_priority` text DEFAULT 'normal' NOT NULL,
	`icon` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	CONSTRAINT "categories_priority_check" CHECK("categories"."default_priority" in ('urgent', 'important', 'normal'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_slug_unique` ON `categories` (`slug`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`category_id` integer NOT NULL,
	`regency_code` text NOT NULL,
	`district_code` text NOT NULL,
	`village_code` text NOT NULL,
	`lat` real,
	`lng` real,
	`address` text,
	`priority` text DEFAULT 'normal' NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`agency_id` integer,
	`suggested_agency_id` integer,
	`duplicate_of_id` integer,
	`reporter_name` text,
	`reporter_phone` text,
	`reporter_email` text,
	`anonymous` integer DEFAULT false NOT NULL,
	`confidential` integer DEFAULT false NOT NULL,
	`tracking_token_hash` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`forwarded_at` integer,
	`first_response_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	`due_at` integer,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`regency_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`suggested_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`duplicate_of_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "complaints_status_check" CHECK("complaints"."status" in ('submitted', 'forwarded', 'in_progress', 'resolved', 'closed', 'rejected', 'duplicate')),
	CONSTRAINT "complaints_priority_check" CHECK("complaints"."priority" in ('urgent', 'important', 'normal')),
	CONSTRAINT "complaints_code_check" CHECK(length("complaints"."code") = 12 and substr("complaints"."code", 1, 4) = 'NTB-' and substr("complaints"."code", 5) not glob '*[^0-9A-HJKMNP-TV-Z]*'),
	CONSTRAINT "complaints_title_check" CHECK(length("complaints"."title") between 1 and 150),
	CONSTRAINT "complaints_description_check" CHECK(length("complaints"."description") between 1 and 4000),
	CONSTRAINT "complaints_lat_check" CHECK("complaints"."lat" is null or "complaints"."lat" between -90 and 90),
	CONSTRAINT "complaints_lng_check" CHECK("complaints"."lng" is null or "complaints"."lng" between -180 and 180),
	CONSTRAINT "complaints_version_check" CHECK("complaints"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_code_unique` ON `complaints` (`code`);--> statement-breakpoint
CREATE INDEX `complaints_status_submitted_idx` ON `complaints` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `complaints_agency_status_idx` ON `complaints` (`agency_id`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `complaints_submitted_idx` ON `complaints` (`submitted_at`);--> statement-breakpoint
CREATE INDEX `complaints_category_idx` ON `complaints` (`category_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `complaints_regency_idx` ON `complaints` (`regency_code`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `complaints_due_idx` ON `complaints` (`due_at`);--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`queue` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`replayed_at` integer
);
--> statement-breakpoint
CREATE INDEX `dead_letters_open_idx` ON `dead_letters` (`created_at`) WHERE "dead_letters"."replayed_at" is null;--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` integer NOT NULL,
	`type` text NOT NULL,
	`actor_role` text NOT NULL,
	`actor_user_id` integer,
	`agency_id` integer,
	`visibility` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`body` text,
	`data` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`delivered_at` integer,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "events_visibility_check" CHECK("events"."visibility" in ('public', 'internal')),
	CONSTRAINT "events_actor_check" CHECK("events"."actor_role" in ('citizen', 'system', 'moderator', 'agency', 'admin'))
);
--> statement-breakpoint
CREATE INDEX `events_complaint_idx` ON `events` (`complaint_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_undelivered_idx` ON `events` (`created_at`) WHERE "events"."delivered_at" is null;--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`status` integer NOT NULL,
	`response` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_created_idx` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `photos` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_id` integer NOT NULL,
	`r2_key` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "photos_type_check" CHECK("photos"."content_type" in ('image/jpeg', 'image/png', 'image/webp'))
);
--> statement-breakpoint
CREATE INDEX `photos_complaint_idx` ON `photos` (`complaint_id`,`position`);--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`parent_code` text,
	`level` text NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`parent_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "regions_level_check" CHECK("regions"."level" in ('province', 'regency', 'district', 'village'))
);
--> statement-breakpoint
CREATE INDEX `regions_parent_idx` ON `regions` (`parent_code`,`name`);--> statement-breakpoint
CREATE TABLE `routing_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category_id` integer NOT NULL,
	`regency_code` text,
	`agency_id` integer NOT NULL,
	`rank` integer DEFAULT 0 NOT NULL,
	`auto_forward` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`regency_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `routing_rules_match_idx` ON `routing_rules` (`category_id`,`regency_code`,`rank`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`r2_key` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`owner_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`claimed_at` integer,
	CONSTRAINT "uploads_type_check" CHECK("uploads"."content_type" in ('image/jpeg', 'image/png', 'image/webp'))
);
--> statement-breakpoint
CREATE INDEX `uploads_unclaimed_idx` ON `uploads` (`created_at`) WHERE "uploads"."claimed_at" is null;--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`agency_id` integer,
	`password_hash` text NOT NULL,
	`disabled_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('moderator', 'agency', 'admin')),
	CONSTRAINT "users_agency_check" CHECK(("users"."role" = 'agency') = ("users"."agency_id" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_agency_idx` ON `users` (`agency_id`);