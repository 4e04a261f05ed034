ALTER TABLE "media" ADD COLUMN "focal_x" double precision;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "focal_y" double precision;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "crop_x" integer;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "crop_y" integer;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "crop_w" integer;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "crop_h" integer;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "rotate" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "flip" text DEFAULT 'none' NOT NULL;