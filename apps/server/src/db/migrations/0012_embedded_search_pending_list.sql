-- Embedded engine (PGlite): the trigram index's pending list is kept small (1 MB instead of the
-- 32 MB of migration 0010). The insert that fills the list merges it while holding the one
-- connection: with 32 MB each merge stalled every request for ~0.5 s, every ~50,000 imported rows.
-- The server keeps 32 MB (it has other connections; fewer, longer merges cost less in total).
DO $$
BEGIN
  IF version() LIKE '%PGlite%' THEN
    ALTER INDEX "assets_search_trgm" SET (gin_pending_list_limit = 1024);
  END IF;
END $$;
