ALTER TABLE `media` ADD `focal_x` real;--> statement-breakpoint
ALTER TABLE `media` ADD `focal_y` real;--> statement-breakpoint
ALTER TABLE `media` ADD `crop_x` integer;--> statement-breakpoint
ALTER TABLE `media` ADD `crop_y` integer;--> statement-breakpoint
ALTER TABLE `media` ADD `crop_w` integer;--> statement-breakpoint
ALTER TABLE `media` ADD `crop_h` integer;--> statement-breakpoint
ALTER TABLE `media` ADD `rotate` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `media` ADD `flip` text DEFAULT 'none' NOT NULL;