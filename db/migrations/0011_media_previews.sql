ALTER TABLE `media` ADD `duration` real;--> statement-breakpoint
ALTER TABLE `media` ADD `page_count` integer;--> statement-breakpoint
ALTER TABLE `media` ADD `has_preview` integer DEFAULT false NOT NULL;