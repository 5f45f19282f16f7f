CREATE TABLE `machines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`document` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `node_samples` (
	`run_id` integer NOT NULL,
	`t_ms` real NOT NULL,
	`node_id` integer NOT NULL,
	`nr_free_pages` real NOT NULL,
	`nr_inactive_anon` real NOT NULL,
	`nr_active_anon` real NOT NULL,
	`nr_inactive_file` real NOT NULL,
	`nr_active_file` real NOT NULL,
	`nr_anon_pages` real NOT NULL,
	`nr_file_pages` real NOT NULL,
	`nr_dirty` real NOT NULL,
	`nr_swap_used` real NOT NULL,
	`pgpgin` real NOT NULL,
	`pgpgout` real NOT NULL,
	`pswpin` real NOT NULL,
	`pswpout` real NOT NULL,
	`pgalloc_normal` real NOT NULL,
	`pgfree` real NOT NULL,
	`pgactivate` real NOT NULL,
	`pgdeactivate` real NOT NULL,
	`pgfault` real NOT NULL,
	`pgmajfault` real NOT NULL,
	`pgrefill` real NOT NULL,
	`pgscan_kswapd` real NOT NULL,
	`pgscan_direct` real NOT NULL,
	`pgscan_anon` real NOT NULL,
	`pgscan_file` real NOT NULL,
	`pgsteal_kswapd` real NOT NULL,
	`pgsteal_direct` real NOT NULL,
	`pgsteal_anon` real NOT NULL,
	`pgsteal_file` real NOT NULL,
	`pgdemote_kswapd` real NOT NULL,
	`pgdemote_direct` real NOT NULL,
	`pgdemote_khugepaged` real NOT NULL,
	`pgdemote_proactive` real NOT NULL,
	`pgpromote_success` real NOT NULL,
	`pgpromote_candidate` real NOT NULL,
	`pgpromote_candidate_nrl` real NOT NULL,
	`pgmigrate_success` real NOT NULL,
	`pgmigrate_fail` real NOT NULL,
	`numa_hit` real NOT NULL,
	`numa_miss` real NOT NULL,
	`numa_foreign` real NOT NULL,
	`numa_interleave` real NOT NULL,
	`numa_local` real NOT NULL,
	`numa_other` real NOT NULL,
	`numa_pte_updates` real NOT NULL,
	`numa_hint_faults` real NOT NULL,
	`numa_hint_faults_local` real NOT NULL,
	`numa_pages_migrated` real NOT NULL,
	`allocstall_normal` real NOT NULL,
	`kswapd_low_wmark_hit_quickly` real NOT NULL,
	`kswapd_high_wmark_hit_quickly` real NOT NULL,
	`pageoutrun` real NOT NULL,
	`oom_kill` real NOT NULL,
	PRIMARY KEY(`run_id`, `t_ms`, `node_id`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`document` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `results` (
	`run_id` integer PRIMARY KEY NOT NULL,
	`result` text NOT NULL,
	`content_hash` text NOT NULL,
	`throughput` real NOT NULL,
	`mean_latency_ns` real NOT NULL,
	`nr_references` real NOT NULL,
	`pgpromote_success` real NOT NULL,
	`pgdemote_total` real NOT NULL,
	`oom_kill` real NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `results_content_hash_idx` ON `results` (`content_hash`);--> statement-breakpoint
CREATE TABLE `run_notes` (
	`run_id` integer PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `run_tags` (
	`run_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`run_id`, `tag`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `run_tags_tag_idx` ON `run_tags` (`tag`);--> statement-breakpoint
CREATE TABLE `runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`scenario_id` integer,
	`scenario_hash` text,
	`scenario_document` text,
	`status` text NOT NULL,
	`seed` integer NOT NULL,
	`engine_version` text NOT NULL,
	`owner_pid` integer,
	`queued_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`wall_ms` real,
	`simulated_ms` real,
	`progress` real DEFAULT 0 NOT NULL,
	`error` text,
	FOREIGN KEY (`scenario_id`) REFERENCES `scenarios`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "runs_status_check" CHECK(status IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'))
);
--> statement-breakpoint
CREATE INDEX `runs_status_idx` ON `runs` (`status`);--> statement-breakpoint
CREATE INDEX `runs_scenario_idx` ON `runs` (`scenario_id`);--> statement-breakpoint
CREATE INDEX `runs_scenario_hash_idx` ON `runs` (`scenario_hash`);--> statement-breakpoint
CREATE TABLE `samples` (
	`run_id` integer NOT NULL,
	`t_ms` real NOT NULL,
	`nr_free_pages` real NOT NULL,
	`nr_inactive_anon` real NOT NULL,
	`nr_active_anon` real NOT NULL,
	`nr_inactive_file` real NOT NULL,
	`nr_active_file` real NOT NULL,
	`nr_anon_pages` real NOT NULL,
	`nr_file_pages` real NOT NULL,
	`nr_dirty` real NOT NULL,
	`nr_swap_used` real NOT NULL,
	`pgpgin` real NOT NULL,
	`pgpgout` real NOT NULL,
	`pswpin` real NOT NULL,
	`pswpout` real NOT NULL,
	`pgalloc_normal` real NOT NULL,
	`pgfree` real NOT NULL,
	`pgactivate` real NOT NULL,
	`pgdeactivate` real NOT NULL,
	`pgfault` real NOT NULL,
	`pgmajfault` real NOT NULL,
	`pgrefill` real NOT NULL,
	`pgscan_kswapd` real NOT NULL,
	`pgscan_direct` real NOT NULL,
	`pgscan_anon` real NOT NULL,
	`pgscan_file` real NOT NULL,
	`pgsteal_kswapd` real NOT NULL,
	`pgsteal_direct` real NOT NULL,
	`pgsteal_anon` real NOT NULL,
	`pgsteal_file` real NOT NULL,
	`pgdemote_kswapd` real NOT NULL,
	`pgdemote_direct` real NOT NULL,
	`pgdemote_khugepaged` real NOT NULL,
	`pgdemote_proactive` real NOT NULL,
	`pgpromote_success` real NOT NULL,
	`pgpromote_candidate` real NOT NULL,
	`pgpromote_candidate_nrl` real NOT NULL,
	`pgmigrate_success` real NOT NULL,
	`pgmigrate_fail` real NOT NULL,
	`numa_hit` real NOT NULL,
	`numa_miss` real NOT NULL,
	`numa_foreign` real NOT NULL,
	`numa_interleave` real NOT NULL,
	`numa_local` real NOT NULL,
	`numa_other` real NOT NULL,
	`numa_pte_updates` real NOT NULL,
	`numa_hint_faults` real NOT NULL,
	`numa_hint_faults_local` real NOT NULL,
	`numa_pages_migrated` real NOT NULL,
	`allocstall_normal` real NOT NULL,
	`kswapd_low_wmark_hit_quickly` real NOT NULL,
	`kswapd_high_wmark_hit_quickly` real NOT NULL,
	`pageoutrun` real NOT NULL,
	`oom_kill` real NOT NULL,
	PRIMARY KEY(`run_id`, `t_ms`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `scenarios` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`machine_id` integer,
	`workload_id` integer,
	`policy_id` integer,
	`run_settings` text NOT NULL,
	`document` text NOT NULL,
	`hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`machine_id`) REFERENCES `machines`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`workload_id`) REFERENCES `workloads`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`policy_id`) REFERENCES `policies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `scenarios_hash_idx` ON `scenarios` (`hash`);--> statement-breakpoint
CREATE TABLE `workloads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`document` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
