ALTER TABLE `node_samples` ADD `nomad_tpm_commit` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `node_samples` ADD `nomad_tpm_abort` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `node_samples` ADD `nomad_shadow_demote` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `node_samples` ADD `nomad_shadow_wp_free` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `node_samples` ADD `nomad_shadow_reclaim` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `node_samples` ADD `nr_nomad_shadow` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `nomad_tpm_commit` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `nomad_tpm_abort` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `nomad_shadow_demote` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `nomad_shadow_wp_free` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `nomad_shadow_reclaim` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `nr_nomad_shadow` real DEFAULT 0 NOT NULL;