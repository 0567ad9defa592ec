import type { AssetKind } from '@raccord/schemas';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { foreground } from '../../shared/foreground';
import type { RefIndex } from './assets.import.refs';

export const LOOKUP_BATCH = 2000;

export interface DbElement {
  reference: string;
  num: number;
  kind: AssetKind;
  path: string;
}

/**
 * What the check learns about the file, kept compactly (numbers per row, one map of references):
 * about 150 bytes a row, whatever the width of the rows. The rows themselves are not kept.
 */
export interface ImportPlan {
  count: number;
  refIdx: RefIndex;
  kind: Uint8Array;
  parentIdx: Int32Array;
  /** Final `num` of each row (existing element's or newly allocated). */
  num: Float64Array;
  /** 1 when the row updates an existing element. */
  exists: Uint8Array;
  /** Shared type index of the existing element (255 = new). */
  oldType: Uint8Array;
  /** Number of in-file ancestors: the order in which rows whose parent comes later are written. */
  fileDepth: Uint8Array;
  rootCommune: Map<number, string>;
  dbParentOf: Map<number, DbElement>;
  /** Existing elements that change place: idx → current path and parent id. */
  moved: Map<number, { path: string; parentId: string | null }>;
  served: Map<number, string[]>;
  servedDb: Map<string, string>;
  hasServedColumn: boolean;
}

export function grow<T extends Uint8Array | Int32Array | Float64Array>(a: T, n: number): T {
  if (n < a.length) return a;
  const b = new (a.constructor as new (len: number) => T)(Math.max(1024, a.length * 2));
  b.set(a);
  return b;
}

export async function lookup(
  db: DbOrTx,
  ownerId: string,
  refs: string[],
): Promise<Array<DbElement & { parent_id: string | null; commune_code: string | null; shared_type: string }>> {
  if (refs.length === 0) return [];
  await foreground.idle();
  const res = await db.execute(sql`
    SELECT reference, num, kind, path::text AS path, parent_id, commune_code, shared_type FROM assets
    WHERE owner_id = ${ownerId} AND reference = ANY(${sql.param(refs)}::text[])`);
  return res.rows.map((r) => ({
    ...(r as unknown as DbElement & { parent_id: string | null; commune_code: string | null; shared_type: string }),
    num: Number(r.num),
  }));
}
