ALTER TABLE `node_samples` ADD `nr_page_table_pages` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `node_samples` ADD `nr_slab_reclaimable` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `node_samples` ADD `nr_free_pageblocks` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `node_samples` ADD `nr_watermark_boost` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `nr_page_table_pages` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `nr_slab_reclaimable` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `nr_free_pageblocks` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `nr_watermark_boost` real DEFAULT 0 NOT NULL;