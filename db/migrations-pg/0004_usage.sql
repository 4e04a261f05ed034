CREATE TABLE "usage_daily" (
	"day" text NOT NULL,
	"metric" text NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_daily_day_metric_pk" PRIMARY KEY("day","metric")
);
--> statement-breakpoint
CREATE TABLE "usage_media_monthly" (
	"month" text NOT NULL,
	"media_id" text NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"requests" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_media_monthly_month_media_id_pk" PRIMARY KEY("month","media_id")
);
--> statement-breakpoint
CREATE INDEX "usage_media_monthly_bytes" ON "usage_media_monthly" USING btree ("month","bytes");