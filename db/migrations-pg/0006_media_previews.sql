ALTER TABLE "media" ADD COLUMN "duration" double precision;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "page_count" integer;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "has_preview" boolean DEFAULT false NOT NULL;