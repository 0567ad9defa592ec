import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Clock } from '../../shared/clock';
import { assetErrors } from './assets.errors';
import { frozenInSubtree } from './assets.repository';
import { assetFreezes } from './assets.tables';

/**
 * The hook for the contracts module: an active contract's frozen terms name elements explicitly;
 * it calls `freezeAssets` when the terms are frozen (same transaction) and `unfreezeAssets` when the
 * contract ends. Deleting a frozen element or one of its ancestors is then refused.
 */
export async function freezeAssets(
  db: DbOrTx,
  clock: Clock,
  ownerId: string,
  holder: { type: string; id: string; label: string },
  assetIds: string[],
): Promise<void> {
  if (assetIds.length === 0) return;
  const now = clock.now();
  await db
    .insert(assetFreezes)
    .values(
      assetIds.map((assetId) => ({
        assetId,
        ownerId,
        holderType: holder.type,
        holderId: holder.id,
        holderLabel: holder.label,
        createdAt: now,
      })),
    )
    .onConflictDoNothing();
}

export async function unfreezeAssets(db: DbOrTx, holder: { type: string; id: string }, assetIds?: string[]) {
  const conds = [eq(assetFreezes.holderType, holder.type), eq(assetFreezes.holderId, holder.id)];
  if (assetIds) conds.push(inArray(assetFreezes.assetId, assetIds));
  await db.delete(assetFreezes).where(and(...conds));
}

/** Refuses (asset.frozen, 409) when an element of the subtree at `path` is named by frozen terms. */
export async function assertAssetsNotFrozen(db: DbOrTx, ownerId: string, path: string): Promise<void> {
  const frozen = await frozenInSubtree(db, ownerId, path);
  if (frozen.length > 0) throw assetErrors.frozen(frozen);
}
