DROP INDEX "media_tags_tag";--> statement-breakpoint
CREATE INDEX "media_tags_tag" ON "media_tags" USING btree ("tag_id","media_id");