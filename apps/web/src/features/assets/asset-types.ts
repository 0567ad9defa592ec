import {
  type AssetKind,
  allowedParentKinds,
  assetKinds,
  equipmentTypes,
  patrimoineTypes,
  rootAssetKinds,
  type SharedType,
} from '@raccord/schemas';
import i18n, { type TFunction } from 'i18next';

export type TypeCounts = Partial<Record<string, number>>;

const geoLevelNames = ['region', 'departement', 'commune'] as const;
export type GeoLevelName = (typeof geoLevelNames)[number];

export function isGeoLevel(level: string): level is GeoLevelName {
  return (geoLevelNames as readonly string[]).includes(level);
}

export function isAssetKind(value: string): value is AssetKind {
  return (assetKinds as readonly string[]).includes(value);
}

/** i18n key segment of a shared type: `equipment.lift` → `equipment_lift`. */
export function typeKey(type: string): string {
  return type.replace('.', '_');
}

/** 8412 → "8 412" (fr) / "8,412" (en). */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR').format(n);
}

/** "Logements", "Ascenseurs": the name of a shared type, as a heading. */
export function typeLabel(t: TFunction, type: SharedType | string): string {
  return t(`assets.types.${typeKey(type)}`);
}

/** "8 412 logements", "1 ascenseur". */
export function typeCountLabel(t: TFunction, type: SharedType | string, count: number): string {
  return t(`assets.typeCounts.${typeKey(type)}`, { count, n: formatCount(count) });
}

/** "Région", "Commune", "Bâtiment", "Ascenseur": what a tree node is. */
export function levelLabel(t: TFunction, level: string, type?: string | null): string {
  if (type?.startsWith('equipment.')) return t(`assets.equipmentKinds.${type.slice('equipment.'.length)}`);
  return t(`assets.levels.${level}`);
}

/** Counts sorted by the product's order of types (patrimoine first, then equipment), zeros left out. */
export function orderedCounts(counts: TypeCounts): Array<{ type: SharedType; count: number }> {
  return [...patrimoineTypes, ...equipmentTypes].flatMap((type) => {
    const count = counts[type] ?? 0;
    return count > 0 ? [{ type, count }] : [];
  });
}

/** The most numerous types first, at most `max`. */
export function topCounts(counts: TypeCounts, max: number): Array<{ type: SharedType; count: number }> {
  return orderedCounts(counts)
    .sort((a, b) => b.count - a.count)
    .slice(0, max);
}

export function isEquipmentType(type: string): boolean {
  return type.startsWith('equipment.');
}

/** Kinds an administrator may add under a node of this level (the model's placement rule). */
export function childKindsOf(level: string): AssetKind[] {
  if (level === 'commune') return [...rootAssetKinds];
  if (!isAssetKind(level)) return [];
  return assetKinds.filter((kind) => allowedParentKinds[kind].includes(level));
}
