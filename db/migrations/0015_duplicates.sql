ALTER TABLE `media` ADD `dhash` text;--> statement-breakpoint
CREATE INDEX `media_sha256` ON `media` (`sha256`);