DROP INDEX "media_name_trgm";--> statement-breakpoint
CREATE INDEX "media_alt_trgm" ON "media" USING gin ("alt" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "media_name_trgm" ON "media" USING gin ("file_name" gin_trgm_ops);