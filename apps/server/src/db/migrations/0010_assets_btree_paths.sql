DROP INDEX "assets_num_uq";--> statement-breakpoint
DROP INDEX "assets_path_gist";--> statement-breakpoint
-- Bulk writes append to the pending list and merge it in large runs (the import merges it at its end).
ALTER INDEX "assets_search_trgm" SET (gin_pending_list_limit = 32768);
