ALTER TABLE "media" ADD COLUMN "dhash" text;--> statement-breakpoint
CREATE INDEX "media_sha256" ON "media" USING btree ("sha256");