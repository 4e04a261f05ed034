CREATE TABLE `usage_daily` (
	`day` text NOT NULL,
	`metric` text NOT NULL,
	`value` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `metric`)
);
--> statement-breakpoint
CREATE TABLE `usage_media_monthly` (
	`month` text NOT NULL,
	`media_id` text NOT NULL,
	`bytes` integer DEFAULT 0 NOT NULL,
	`requests` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `media_id`)
);
--> statement-breakpoint
CREATE INDEX `usage_media_monthly_bytes` ON `usage_media_monthly` (`month`,`bytes`);