DROP INDEX `media_tags_tag`;--> statement-breakpoint
CREATE INDEX `media_tags_tag` ON `media_tags` (`tag_id`,`media_id`);