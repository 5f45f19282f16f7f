ALTER TABLE `node_samples` ADD `swap_ra` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `node_samples` ADD `swap_ra_hit` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `node_samples` ADD `nr_swapcached` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `swap_ra` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `swap_ra_hit` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `nr_swapcached` real DEFAULT 0 NOT NULL;