CREATE TABLE `instances` (
	`id` text PRIMARY KEY NOT NULL,
	`started_at` integer NOT NULL,
	`heartbeat_at` integer NOT NULL,
	`address` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `webhook_leases` (
	`webhook_id` text PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `storage_journal` ADD `instance_id` text;