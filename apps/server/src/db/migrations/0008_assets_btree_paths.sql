DROP INDEX "assets_num_uq";--> statement-breakpoint
DROP INDEX "assets_path_gist";