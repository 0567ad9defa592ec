import type { SharedType } from '@raccord/schemas';
import type { TFunction } from 'i18next';
import { currentLocale } from '../../../i18n';

/** 8412 → "8 412" (fr) / "8,412" (en). */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR').format(n);
}

/** "8 412 logements", "1 ascenseur". */
export function typeCount(t: TFunction, type: SharedType | string, count: number): string {
  return t(`contracts.typeCounts.${type.replace('.', '_')}`, { count, n: formatCount(count) });
}

/** The most numerous types of a count map, as "2 542 logements · 125 ascenseurs". */
export function topCounts(t: TFunction, counts: Partial<Record<string, number>>, max: number): string {
  return Object.entries(counts)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([type, count]) => typeCount(t, type, count))
    .join(' · ');
}

/** "3 départements, 12 ensembles" from counts per level. */
export function levelCounts(t: TFunction, levels: Record<string, number>): string {
  return Object.entries(levels)
    .map(([level, count]) => t(`contracts.perimeter.levelCounts.${level}`, { count, n: formatCount(count) }))
    .join(', ');
}
