import { importColumns } from '@raccord/schemas';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../shared/actor';
import { requireOwnerMember } from './assets.access';

const BATCH = 5000;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The owner's patrimoine as CSV (UTF-8 with BOM, `;`, French headers), parents before children
 * (tree order): importing it back changes nothing. Streamed in pages of the (owner, path) index.
 */
export async function* exportCsv(db: Db, ownerId: string): AsyncGenerator<string> {
  yield `\uFEFF${importColumns.map((c) => c.fr).join(';')}\r\n`;
  let after: string | null = null;
  for (;;) {
    const res = await db.execute(sql`
      SELECT a.path::text AS path, a.reference, p.reference AS parent_reference, a.kind, a.equipment_kind,
             a.premises_kind, a.label, a.address, a.postcode, a.commune_code, a.year_built, a.brand,
             a.serial_number, a.commissioning_date,
             (SELECT string_agg(s.reference, '|' ORDER BY s.reference) FROM asset_served_sites x
                JOIN assets s ON s.id = x.site_id WHERE x.asset_id = a.id) AS served_sites
      FROM assets a LEFT JOIN assets p ON p.id = a.parent_id
      WHERE a.owner_id = ${ownerId} ${after ? sql`AND a.path > ${after}::ltree` : sql``}
      ORDER BY a.path LIMIT ${BATCH}`);
    const rows = res.rows as Array<Record<string, unknown>>;
    if (rows.length === 0) return;
    yield rows.map((r) => `${importColumns.map((c) => cell(r[c.key])).join(';')}\r\n`).join('');
    after = String(rows[rows.length - 1]?.path);
    if (rows.length < BATCH) return;
  }
}

export async function exportAssets(deps: { db: Db }, actor: Actor | null) {
  const { ownerId } = await requireOwnerMember(deps.db, actor);
  return exportCsv(deps.db, ownerId);
}
