CREATE TABLE "media_trash" (
	"media_id" text PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"kind" text NOT NULL,
	"size" bigint NOT NULL,
	"storage" text NOT NULL,
	"row" jsonb NOT NULL,
	"tags" jsonb NOT NULL,
	"trashed_at" timestamp (3) with time zone NOT NULL,
	"trashed_by" text NOT NULL,
	"trashed_by_id" text,
	"creator_id" text
);
--> statement-breakpoint
CREATE TABLE "media_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"media_id" text NOT NULL,
	"mime_type" text NOT NULL,
	"extension" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"width" integer,
	"height" integer,
	"alt" text DEFAULT '' NOT NULL,
	"storage" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_at" timestamp (3) with time zone NOT NULL,
	"kept_at" timestamp (3) with time zone NOT NULL,
	"kept_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "blurhash" text;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "dominant_color" text;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "has_alpha" boolean;--> statement-breakpoint
CREATE INDEX "media_trash_at" ON "media_trash" USING btree ("trashed_at");--> statement-breakpoint
CREATE INDEX "media_versions_media" ON "media_versions" USING btree ("media_id","kept_at");--> statement-breakpoint
CREATE UNIQUE INDEX "media_versions_storage_key" ON "media_versions" USING btree ("storage","storage_key");