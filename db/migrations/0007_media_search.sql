-- Substring search over media names and alt texts (the library's search box, the API's q), as FTS5 with the
-- trigram tokenizer: a LIKE '%…%' scan reads every row, this reads only the rows that hold the text.
-- media has a text primary key and SQLite may renumber the rowids of such a table (VACUUM), so the search rows
-- are keyed by media_search_keys, whose INTEGER PRIMARY KEY never changes. Triggers keep both in step with media
-- in the same transaction as every write. Not described in db/schema.sqlite.ts: only lib/media/media-filter.ts
-- reads them (PostgreSQL has trigram indexes on the columns instead).
CREATE TABLE `media_search_keys` (
	`rowid` integer PRIMARY KEY,
	`media_id` text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `media_search` USING fts5(file_name, alt, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO `media_search_keys` (`media_id`) SELECT `id` FROM `media`;
--> statement-breakpoint
INSERT INTO `media_search` (`rowid`, `file_name`, `alt`)
	SELECT k.`rowid`, m.`file_name`, m.`alt` FROM `media` m JOIN `media_search_keys` k ON k.`media_id` = m.`id`;
--> statement-breakpoint
CREATE TRIGGER `media_search_insert` AFTER INSERT ON `media` BEGIN
	INSERT INTO `media_search_keys` (`media_id`) VALUES (new.`id`);
	INSERT INTO `media_search` (`rowid`, `file_name`, `alt`) VALUES (
		(SELECT `rowid` FROM `media_search_keys` WHERE `media_id` = new.`id`), new.`file_name`, new.`alt`
	);
END;
--> statement-breakpoint
CREATE TRIGGER `media_search_update` AFTER UPDATE OF `file_name`, `alt` ON `media` BEGIN
	UPDATE `media_search` SET `file_name` = new.`file_name`, `alt` = new.`alt`
		WHERE `rowid` = (SELECT `rowid` FROM `media_search_keys` WHERE `media_id` = new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `media_search_delete` AFTER DELETE ON `media` BEGIN
	DELETE FROM `media_search` WHERE `rowid` = (SELECT `rowid` FROM `media_search_keys` WHERE `media_id` = old.`id`);
	DELETE FROM `media_search_keys` WHERE `media_id` = old.`id`;
END;
