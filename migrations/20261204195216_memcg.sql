CREATE TABLE `memcg_node_samples` (
	`run_id` integer NOT NULL,
	`t_ms` real NOT NULL,
	`cgroup` text NOT NULL,
	`node_id` integer NOT NULL,
	`anon` real NOT NULL,
	`file` real NOT NULL,
	PRIMARY KEY(`run_id`, `t_ms`, `cgroup`, `node_id`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `memcg_samples` (
	`run_id` integer NOT NULL,
	`t_ms` real NOT NULL,
	`cgroup` text NOT NULL,
	`current` real NOT NULL,
	`anon` real NOT NULL,
	`file` real NOT NULL,
	`inactive_anon` real NOT NULL,
	`active_anon` real NOT NULL,
	`inactive_file` real NOT NULL,
	`active_file` real NOT NULL,
	`pgscan_kswapd` real NOT NULL,
	`pgscan_direct` real NOT NULL,
	`pgscan_proactive` real NOT NULL,
	`pgsteal_kswapd` real NOT NULL,
	`pgsteal_direct` real NOT NULL,
	`pgsteal_proactive` real NOT NULL,
	`pgdemote_kswapd` real NOT NULL,
	`pgdemote_direct` real NOT NULL,
	`pgdemote_proactive` real NOT NULL,
	`pgpromote_success` real NOT NULL,
	`pgfault` real NOT NULL,
	`pgrefill` real NOT NULL,
	`pgactivate` real NOT NULL,
	`pgdeactivate` real NOT NULL,
	`pswpout` real NOT NULL,
	`low` real NOT NULL,
	`high` real NOT NULL,
	`max` real NOT NULL,
	`oom` real NOT NULL,
	`oom_kill` real NOT NULL,
	PRIMARY KEY(`run_id`, `t_ms`, `cgroup`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `node_samples` ADD `pgscan_proactive` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `node_samples` ADD `pgsteal_proactive` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `pgscan_proactive` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `samples` ADD `pgsteal_proactive` real DEFAULT 0 NOT NULL;