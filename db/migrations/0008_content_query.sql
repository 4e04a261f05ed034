CREATE TABLE `content_search` (
	`seq` integer PRIMARY KEY NOT NULL,
	`content_id` text NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`content_id`) REFERENCES `contents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `content_search_content_id_unique` ON `content_search` (`content_id`);--> statement-breakpoint
ALTER TABLE `apis` ADD `kind` text DEFAULT 'list' NOT NULL;--> statement-breakpoint
-- Hand-written (drizzle has no virtual tables): the trigram index of content_search.text, kept by triggers in the
-- transaction of every write to content_search. Rows already there before this migration are indexed by the
-- domain the first time an API is searched (lib/content/search-text.ts).
CREATE VIRTUAL TABLE `content_search_fts` USING fts5(`text`, content='content_search', content_rowid='seq', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `content_search_ai` AFTER INSERT ON `content_search` BEGIN
  INSERT INTO `content_search_fts`(rowid, `text`) VALUES (new.`seq`, new.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `content_search_ad` AFTER DELETE ON `content_search` BEGIN
  INSERT INTO `content_search_fts`(`content_search_fts`, rowid, `text`) VALUES ('delete', old.`seq`, old.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `content_search_au` AFTER UPDATE ON `content_search` BEGIN
  INSERT INTO `content_search_fts`(`content_search_fts`, rowid, `text`) VALUES ('delete', old.`seq`, old.`text`);
  INSERT INTO `content_search_fts`(rowid, `text`) VALUES (new.`seq`, new.`text`);
END;
