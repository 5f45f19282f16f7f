ALTER TABLE `node_samples` ADD `numa_pages_promoted` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `numa_pages_promoted` real DEFAULT 0 NOT NULL;