import {
  type Asset,
  type AssetKind,
  type CreateAssetBody,
  type EquipmentKind,
  type PremisesKind,
  sharedTypeOf,
  type UpdateAssetBody,
} from '@raccord/schemas';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { isUniqueViolation } from '../../shared/db-errors';
import { recordAudit } from '../audit/audit.repository';
import { enqueuePatrimoineChanged } from '../sync/sync.live';
import { requireOwnerAdmin } from './assets.access';
import { assetErrors } from './assets.errors';
import { assertAssetsNotFrozen } from './assets.freeze';
import { assetIdOf, assetSearchText, toAsset } from './assets.models';
import { relocate } from './assets.move';
import { checkChildrenAccept, checkCommune, checkKindFields, resolvePlacement } from './assets.placement';
import * as repo from './assets.repository';
import { adjustRollup } from './assets.rollup';

export interface AssetDeps {
  db: Db;
  clock: Clock;
}

async function assertNoImport(db: DbOrTx, ownerId: string) {
  if (await repo.importRunning(db, ownerId)) throw assetErrors.importInProgress();
}

async function checkServedSites(db: DbOrTx, ownerId: string, kind: AssetKind, ids: string[] | undefined) {
  if (!ids || ids.length === 0) return [];
  if (kind !== 'equipment') throw assetErrors.servedSitesOnlyForEquipment();
  const unique = [...new Set(ids)];
  const sites = await repo.findSites(db, ownerId, unique);
  for (const id of unique) {
    if (!sites.some((s) => s.id === id && s.kind === 'site')) throw assetErrors.invalidServedSite(id);
  }
  return unique;
}

async function referenceConflict(db: DbOrTx, ownerId: string, reference: string, err: unknown) {
  if (!isUniqueViolation(err, 'assets_owner_reference_uq')) return err;
  const holder = await repo.findAssetByReference(db, ownerId, reference);
  return assetErrors.referenceTaken(reference, { id: holder?.id ?? '?', label: holder?.label ?? '?' });
}

export async function createAsset(deps: AssetDeps, actor: Actor | null, input: CreateAssetBody): Promise<Asset> {
  const { user, ownerId } = await requireOwnerAdmin(deps.db, actor);
  const fields = {
    kind: input.kind,
    equipmentKind: input.equipmentKind ?? null,
    premisesKind: input.premisesKind ?? null,
  };
  checkKindFields(fields);
  checkCommune(input.communeCode);
  try {
    return await deps.db.transaction(async (tx) => {
      await assertNoImport(tx, ownerId);
      const { prefix } = await resolvePlacement(tx, ownerId, {
        kind: input.kind,
        parentId: input.parentId ?? null,
        communeCode: input.communeCode ?? null,
      });
      const served = await checkServedSites(tx, ownerId, input.kind, input.servedSiteIds);
      const [num] = await repo.nextAssetNums(tx, 1);
      if (num === undefined) throw new Error('no number from assets_num_seq');
      const id = assetIdOf(num);
      const now = deps.clock.now();
      const attrs = {
        address: input.address ?? null,
        postcode: input.postcode ?? null,
        communeCode: input.communeCode ?? null,
        yearBuilt: input.yearBuilt ?? null,
        brand: input.brand ?? null,
        serialNumber: input.serialNumber ?? null,
        commissioningDate: input.commissioningDate ?? null,
      };
      await repo.insertAsset(tx, {
        id,
        num,
        ownerId,
        parentId: input.parentId ?? null,
        path: `${prefix}.${num}`,
        ...fields,
        sharedType: sharedTypeOf(fields.kind, fields.equipmentKind),
        reference: input.reference,
        label: input.label,
        ...attrs,
        searchText: assetSearchText({ reference: input.reference, label: input.label, ...attrs }),
        createdAt: now,
        updatedAt: now,
      });
      await repo.replaceServedSites(tx, ownerId, id, served);
      await adjustRollup(tx, ownerId, `${prefix}.${num}`, 1);
      await recordAudit(tx, deps.clock, user, {
        action: 'asset.created',
        organizationId: ownerId,
        targetType: 'asset',
        targetId: id,
        details: { reference: input.reference, kind: input.kind },
      });
      await enqueuePatrimoineChanged(tx, deps.clock, ownerId);
      const row = await repo.findAsset(tx, ownerId, id);
      if (!row) throw assetErrors.notFound();
      return toAsset(row, served);
    });
  } catch (err) {
    throw await referenceConflict(deps.db, ownerId, input.reference, err);
  }
}

export async function updateAsset(
  deps: AssetDeps,
  actor: Actor | null,
  id: string,
  input: UpdateAssetBody,
): Promise<Asset> {
  const { user, ownerId } = await requireOwnerAdmin(deps.db, actor);
  checkCommune(input.communeCode);
  try {
    return await deps.db.transaction(async (tx) => {
      await assertNoImport(tx, ownerId);
      const current = await repo.findAsset(tx, ownerId, id, { lock: true });
      if (!current) throw assetErrors.notFound();
      const kind = input.kind ?? (current.kind as AssetKind);
      const fields = {
        kind,
        equipmentKind:
          input.equipmentKind !== undefined
            ? input.equipmentKind
            : kind === 'equipment'
              ? ((current.equipmentKind ?? null) as EquipmentKind | null)
              : null,
        premisesKind:
          input.premisesKind !== undefined
            ? input.premisesKind
            : kind === 'premises'
              ? ((current.premisesKind ?? null) as PremisesKind | null)
              : null,
      };
      checkKindFields(fields);
      const parentId = input.parentId !== undefined ? input.parentId : current.parentId;
      const communeCode = input.communeCode !== undefined ? input.communeCode : current.communeCode;
      const { prefix } = await resolvePlacement(tx, ownerId, {
        kind,
        parentId,
        communeCode,
        selfPath: current.path,
      });
      if (kind !== current.kind) await checkChildrenAccept(tx, ownerId, id, kind);
      const served =
        input.servedSiteIds !== undefined ? await checkServedSites(tx, ownerId, kind, input.servedSiteIds) : null;
      if (kind !== 'equipment' && served === null) await repo.replaceServedSites(tx, ownerId, id, []);
      const attrs = {
        reference: input.reference ?? current.reference,
        label: input.label ?? current.label,
        address: input.address !== undefined ? input.address : current.address,
        postcode: input.postcode !== undefined ? input.postcode : current.postcode,
        communeCode,
        yearBuilt: input.yearBuilt !== undefined ? input.yearBuilt : current.yearBuilt,
        brand: input.brand !== undefined ? input.brand : current.brand,
        serialNumber: input.serialNumber !== undefined ? input.serialNumber : current.serialNumber,
        commissioningDate: input.commissioningDate !== undefined ? input.commissioningDate : current.commissioningDate,
      };
      const row = await relocate(tx, ownerId, current, {
        path: `${prefix}.${current.num}`,
        patch: {
          ...fields,
          ...attrs,
          parentId,
          path: `${prefix}.${current.num}`,
          sharedType: sharedTypeOf(fields.kind, fields.equipmentKind),
          searchText: assetSearchText(attrs),
          updatedAt: deps.clock.now(),
        },
      });
      if (served !== null) await repo.replaceServedSites(tx, ownerId, id, served);
      await recordAudit(tx, deps.clock, user, {
        action: 'asset.updated',
        organizationId: ownerId,
        targetType: 'asset',
        targetId: id,
        details: { fields: Object.keys(input), moved: row.path !== current.path },
      });
      await enqueuePatrimoineChanged(tx, deps.clock, ownerId);
      const servedIds = (await repo.servedSiteIdsOf(tx, [id])).get(id) ?? [];
      return toAsset(row, servedIds);
    });
  } catch (err) {
    throw await referenceConflict(deps.db, ownerId, input.reference ?? '', err);
  }
}

/** Deletes an element and its whole subtree; refused while frozen terms of a contract name one of them. */
export async function deleteAsset(deps: AssetDeps, actor: Actor | null, id: string): Promise<{ deleted: number }> {
  const { user, ownerId } = await requireOwnerAdmin(deps.db, actor);
  return deps.db.transaction(async (tx) => {
    await assertNoImport(tx, ownerId);
    const current = await repo.findAsset(tx, ownerId, id, { lock: true });
    if (!current) throw assetErrors.notFound();
    await assertAssetsNotFrozen(tx, ownerId, current.path);
    await adjustRollup(tx, ownerId, current.path, -1);
    const deleted = await repo.deleteSubtree(tx, ownerId, current.path);
    await recordAudit(tx, deps.clock, user, {
      action: 'asset.deleted',
      organizationId: ownerId,
      targetType: 'asset',
      targetId: id,
      details: { reference: current.reference, deleted },
    });
    await enqueuePatrimoineChanged(tx, deps.clock, ownerId);
    return { deleted };
  });
}
