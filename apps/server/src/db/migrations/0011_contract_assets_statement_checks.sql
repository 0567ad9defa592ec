-- contract_assets → contract_projects, checked once per statement instead of once per row: a
-- materialisation writes 100,000 rows per statement, all of one contract, and the row-level foreign
-- key (one lookup and lock per row) was a third of its time. Same guarantees: a row names an
-- existing contract (checked at the end of the statement, as a non-deferred foreign key is), the
-- contracts named are locked FOR KEY SHARE (a concurrent deletion waits, then sees the rows), a
-- contract's rows go with it, and a contract's id cannot change while rows name it.
ALTER TABLE "contract_assets" DROP CONSTRAINT "contract_assets_contract_id_contract_projects_id_fk";--> statement-breakpoint
CREATE FUNCTION contract_assets_contract_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  PERFORM 1 FROM contract_projects p WHERE p.id IN (SELECT DISTINCT n.contract_id FROM new_rows n)
    ORDER BY p.id FOR KEY SHARE OF p;
  SELECT n.contract_id INTO missing FROM (SELECT DISTINCT contract_id FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM contract_projects p WHERE p.id = n.contract_id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "contract_assets" violates foreign key constraint "contract_assets_contract_id_fk"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'contract_assets_contract_id_fk',
        TABLE = 'contract_assets', DETAIL = format('Key (contract_id)=(%s) is not present in table "contract_projects".', missing);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER contract_assets_contract_ins AFTER INSERT ON contract_assets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contract_assets_contract_check();--> statement-breakpoint
CREATE TRIGGER contract_assets_contract_upd AFTER UPDATE ON contract_assets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contract_assets_contract_check();--> statement-breakpoint
CREATE FUNCTION contract_projects_delete_assets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM contract_assets WHERE contract_id IN (SELECT o.id FROM old_rows o);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER contract_projects_delete_assets AFTER DELETE ON contract_projects
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION contract_projects_delete_assets();--> statement-breakpoint
CREATE FUNCTION contract_projects_id_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM contract_assets WHERE contract_id = OLD.id) THEN
    RAISE EXCEPTION 'update on table "contract_projects" violates foreign key constraint "contract_assets_contract_id_fk"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'contract_assets_contract_id_fk', TABLE = 'contract_projects';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER contract_projects_id_kept AFTER UPDATE OF id ON contract_projects
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION contract_projects_id_kept();
