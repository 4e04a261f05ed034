CREATE TABLE `api_key_content_rights` (
	`api_key_id` text NOT NULL,
	`api_id` text NOT NULL,
	`read` integer DEFAULT false NOT NULL,
	`create` integer DEFAULT false NOT NULL,
	`update` integer DEFAULT false NOT NULL,
	`delete` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`api_key_id`, `api_id`),
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`api_id`) REFERENCES `apis`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `apis` (
	`id` text PRIMARY KEY NOT NULL,
	`endpoint` text NOT NULL,
	`name` text NOT NULL,
	`fields` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `apis_endpoint_unique` ON `apis` (`endpoint`);--> statement-breakpoint
CREATE TABLE `content_media` (
	`content_id` text NOT NULL,
	`media_id` text NOT NULL,
	`field` text NOT NULL,
	PRIMARY KEY(`content_id`, `media_id`, `field`),
	FOREIGN KEY (`content_id`) REFERENCES `contents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `content_media_media` ON `content_media` (`media_id`);--> statement-breakpoint
CREATE TABLE `contents` (
	`id` text PRIMARY KEY NOT NULL,
	`api_id` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`api_id`) REFERENCES `apis`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contents_api_created` ON `contents` (`api_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `role_content_rights` (
	`role_id` text NOT NULL,
	`api_id` text NOT NULL,
	`read` integer DEFAULT false NOT NULL,
	`create` integer DEFAULT false NOT NULL,
	`update` integer DEFAULT false NOT NULL,
	`delete` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`role_id`, `api_id`),
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`api_id`) REFERENCES `apis`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `api_keys` ADD `content_all` integer DEFAULT false NOT NULL;