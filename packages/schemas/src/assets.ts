import { z } from 'zod';

/** Kinds of patrimoine elements (French labels: see apps/web i18n `assetKind.*`). */
export const assetKinds = [
  'site', // ensemble immobilier
  'building', // bâtiment
  'entrance', // entrée
  'floor', // étage
  'unit', // logement
  'premises', // local (commerce, parking, cave, local technique)
  'common_area', // partie commune
  'equipment', // équipement
] as const;
export type AssetKind = (typeof assetKinds)[number];

export const premisesKinds = ['commerce', 'parking', 'cave', 'local_technique'] as const;
export type PremisesKind = (typeof premisesKinds)[number];

export const equipmentKinds = [
  'lift', // ascenseur
  'collective_boiler_room', // chaufferie collective
  'individual_boiler', // chaudière individuelle
  'vmc', // VMC
  'automatic_door', // porte automatique
  'gate', // portail
  'access_control', // interphone / contrôle d'accès
  'fire_safety', // colonne sèche / sécurité incendie
  'water_meter', // compteur d'eau
  'sub_meter', // sous-compteur
  'water_heater', // chauffe-eau
  'other', // autre
] as const;
export type EquipmentKind = (typeof equipmentKinds)[number];

/**
 * The unit of sharing: a patrimoine kind, or one kind of equipment (`equipment.lift`), so a
 * contract can share "only the lifts".
 */
export const sharedTypes = [
  ...assetKinds.filter((k) => k !== 'equipment'),
  ...equipmentKinds.map((k) => `equipment.${k}` as const),
] as const;
export type SharedType = Exclude<AssetKind, 'equipment'> | `equipment.${EquipmentKind}`;
export const sharedTypeSchema = z.enum(sharedTypes as unknown as [SharedType, ...SharedType[]]);

export function sharedTypeOf(kind: AssetKind, equipmentKind: EquipmentKind | null): SharedType {
  return kind === 'equipment' ? `equipment.${equipmentKind ?? 'other'}` : kind;
}

/** Geographic levels above the owner's sites (official lists of @etalab/decoupage-administratif). */
export const geoLevels = ['region', 'departement', 'commune'] as const;
export type GeoLevel = (typeof geoLevels)[number];

/** Kinds that may stand at the top of the tree (directly in a commune); they need a commune code. */
export const rootAssetKinds: readonly AssetKind[] = ['site', 'building'];

/**
 * Which kind may sit under which (`null` = at the top, in a commune). Checked on every write
 * (API, import); the console uses it to offer only valid parents.
 */
export const allowedParentKinds: Record<AssetKind, readonly (AssetKind | null)[]> = {
  site: [null],
  building: [null, 'site'],
  entrance: ['building'],
  floor: ['building', 'entrance'],
  unit: ['building', 'entrance', 'floor'],
  premises: ['site', 'building', 'entrance', 'floor'],
  common_area: ['site', 'building', 'entrance', 'floor'],
  equipment: ['site', 'building', 'entrance', 'floor', 'unit', 'premises', 'common_area'],
};

export function isPlacementAllowed(kind: AssetKind, parentKind: AssetKind | null): boolean {
  return allowedParentKinds[kind].includes(parentKind);
}

/** Shared types grouped as the wizard shows them: patrimoine first, then equipment. */
export const patrimoineTypes = sharedTypes.filter((t) => !t.startsWith('equipment.'));
export const equipmentTypes = sharedTypes.filter((t) => t.startsWith('equipment.'));

export const assetKindSchema = z.enum(assetKinds);
export const equipmentKindSchema = z.enum(equipmentKinds);
export const premisesKindSchema = z.enum(premisesKinds);
