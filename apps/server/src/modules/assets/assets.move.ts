import type { DbOrTx } from '../../db/client';
import { assetErrors } from './assets.errors';
import type { AssetRow } from './assets.models';
import * as repo from './assets.repository';
import { adjustRollup } from './assets.rollup';

/**
 * Moves an element to `next.path` (with its subtree) and/or retypes it, keeping the rollup exact:
 * the subtree's counts leave the old nodes and join the new ones in the same transaction.
 */
export async function relocate(
  tx: DbOrTx,
  ownerId: string,
  current: AssetRow,
  next: { path: string; patch: Partial<AssetRow> },
): Promise<AssetRow> {
  const reshaped =
    next.path !== current.path || (next.patch.sharedType !== undefined && next.patch.sharedType !== current.sharedType);
  if (reshaped) await adjustRollup(tx, ownerId, current.path, -1);
  if (next.path !== current.path) await repo.rewriteSubtreePaths(tx, ownerId, current.path, next.path);
  const row = await repo.updateAssetRow(tx, ownerId, current.id, { ...next.patch, path: next.path });
  if (!row) throw assetErrors.notFound();
  if (reshaped) await adjustRollup(tx, ownerId, next.path, 1);
  return row;
}
