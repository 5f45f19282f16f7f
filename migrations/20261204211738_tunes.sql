CREATE TABLE `tunes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text NOT NULL,
	`objective` text NOT NULL,
	`request` text NOT NULL,
	`report` text NOT NULL,
	`owner_pid` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "tunes_status_check" CHECK(status IN ('running', 'done', 'failed', 'cancelled', 'interrupted'))
);
--> statement-breakpoint
CREATE INDEX `tunes_created_idx` ON `tunes` (`created_at`);