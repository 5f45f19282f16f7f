ALTER TABLE `node_samples` ADD `htmm_nr_split` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `htmm_nr_split` real DEFAULT 0 NOT NULL;