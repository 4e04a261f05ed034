CREATE TABLE `image_variants` (
	`media_id` text NOT NULL,
	`sha256` text NOT NULL,
	`plan_hash` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`media_id`, `sha256`, `plan_hash`),
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE cascade
);
