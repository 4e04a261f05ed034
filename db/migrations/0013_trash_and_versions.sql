CREATE TABLE `media_trash` (
	`media_id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`kind` text NOT NULL,
	`size` integer NOT NULL,
	`storage` text NOT NULL,
	`row` text NOT NULL,
	`tags` text NOT NULL,
	`trashed_at` integer NOT NULL,
	`trashed_by` text NOT NULL,
	`trashed_by_id` text,
	`creator_id` text
);
--> statement-breakpoint
CREATE INDEX `media_trash_at` ON `media_trash` (`trashed_at`);--> statement-breakpoint
CREATE TABLE `media_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`media_id` text NOT NULL,
	`mime_type` text NOT NULL,
	`extension` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`width` integer,
	`height` integer,
	`alt` text DEFAULT '' NOT NULL,
	`storage` text NOT NULL,
	`storage_key` text NOT NULL,
	`uploaded_at` integer NOT NULL,
	`kept_at` integer NOT NULL,
	`kept_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `media_versions_media` ON `media_versions` (`media_id`,`kept_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `media_versions_storage_key` ON `media_versions` (`storage`,`storage_key`);--> statement-breakpoint
ALTER TABLE `media` ADD `blurhash` text;--> statement-breakpoint
ALTER TABLE `media` ADD `dominant_color` text;--> statement-breakpoint
ALTER TABLE `media` ADD `has_alpha` integer;