import type { AssetKind, EquipmentKind, PremisesKind } from '@raccord/schemas';
import { isPlacementAllowed } from '@raccord/schemas';
import type { DbOrTx } from '../../db/client';
import { assetErrors } from './assets.errors';
import { communePath, findCommune } from './assets.geo';
import type { AssetRow } from './assets.models';
import { childKinds, findAsset } from './assets.repository';

export interface KindFields {
  kind: AssetKind;
  equipmentKind: EquipmentKind | null;
  premisesKind: PremisesKind | null;
}

/** Equipment has a kind of equipment, premises may have a kind of premises, nothing else has either. */
export function checkKindFields(f: KindFields): void {
  if (f.kind === 'equipment' && !f.equipmentKind) {
    throw assetErrors.invalidKind('equipmentKind', 'Indiquez le type d’équipement.');
  }
  if (f.kind !== 'equipment' && f.equipmentKind) {
    throw assetErrors.invalidKind('equipmentKind', 'Seuls les équipements ont un type d’équipement.');
  }
  if (f.kind !== 'premises' && f.premisesKind) {
    throw assetErrors.invalidKind('premisesKind', 'Seuls les locaux ont un type de local.');
  }
}

export function checkCommune(code: string | null | undefined): void {
  if (code && !findCommune(code)) throw assetErrors.unknownCommune(code);
}

/**
 * Where an element goes: under `parentId` (checked: exists for this owner, accepts the kind, is
 * not the element itself or below it), or at the top of its commune. Returns the parent row and
 * the path prefix the element's label is appended to.
 */
export async function resolvePlacement(
  db: DbOrTx,
  ownerId: string,
  input: { kind: AssetKind; parentId: string | null; communeCode: string | null; selfPath?: string },
): Promise<{ parent: AssetRow | null; prefix: string }> {
  if (input.parentId) {
    const parent = await findAsset(db, ownerId, input.parentId);
    if (!parent) throw assetErrors.notFound('parentId');
    if (input.selfPath && (parent.path === input.selfPath || parent.path.startsWith(`${input.selfPath}.`))) {
      throw assetErrors.cycle();
    }
    if (!isPlacementAllowed(input.kind, parent.kind as AssetKind)) {
      throw assetErrors.forbiddenParent(input.kind, parent.kind);
    }
    return { parent, prefix: parent.path };
  }
  if (!isPlacementAllowed(input.kind, null)) throw assetErrors.forbiddenParent(input.kind, null);
  if (!input.communeCode) throw assetErrors.communeRequired();
  const commune = findCommune(input.communeCode);
  if (!commune) throw assetErrors.unknownCommune(input.communeCode);
  return { parent: null, prefix: communePath(commune) };
}

/** A retyped element must still accept every child it has. */
export async function checkChildrenAccept(db: DbOrTx, ownerId: string, id: string, kind: AssetKind): Promise<void> {
  for (const child of await childKinds(db, ownerId, id)) {
    if (!isPlacementAllowed(child as AssetKind, kind)) throw assetErrors.childForbidden(kind, child);
  }
}
