ALTER TABLE `node_samples` ADD `mem_read_bytes` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `node_samples` ADD `mem_write_bytes` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `node_samples` ADD `mem_read_latency_ns` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `mem_read_bytes` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `mem_write_bytes` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `mem_read_latency_ns` real DEFAULT 0 NOT NULL;