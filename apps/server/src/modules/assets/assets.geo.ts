import { createRequire } from 'node:module';
import type { GeoLevel } from '@raccord/schemas';

interface RawCommune {
  code: string;
  nom: string;
  departement?: string;
  region?: string;
  type: string;
  population?: number;
  codesPostaux?: string[];
}
interface RawArea {
  code: string;
  nom: string;
  region?: string;
}

export interface Commune {
  code: string;
  name: string;
  departement: string;
  region: string;
  population: number;
  postcodes: string[];
}

export interface GeoArea {
  level: GeoLevel;
  code: string;
  name: string;
  /** ltree prefix of this area: `r84`, `r84.d69`, `r84.d69.c69123`. */
  path: string;
}

interface Geography {
  communes: Map<string, Commune>;
  departements: Map<string, { code: string; name: string; region: string }>;
  regions: Map<string, { code: string; name: string }>;
}

let cached: Geography | null = null;

/** The official lists (COG, via @etalab/decoupage-administratif), loaded once on first use. */
export function geography(): Geography {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const rawCommunes = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  const rawDeps = require('@etalab/decoupage-administratif/data/departements.json') as RawArea[];
  const rawRegions = require('@etalab/decoupage-administratif/data/regions.json') as RawArea[];
  // Regions proper (two digits); the overseas collectivities (975, 977…) are left out.
  const regions = new Map(
    rawRegions.filter((r) => /^\d{2}$/.test(r.code)).map((r) => [r.code, { code: r.code, name: r.nom }]),
  );
  const departements = new Map(
    rawDeps
      .filter((d) => d.region && regions.has(d.region))
      .map((d) => [d.code, { code: d.code, name: d.nom, region: d.region ?? '' }]),
  );
  const communes = new Map<string, Commune>();
  for (const c of rawCommunes) {
    // Only communes of the official regions and départements (the perimeter's geographic levels).
    if (c.type !== 'commune-actuelle' || !c.departement || !c.region) continue;
    if (!regions.has(c.region) || !departements.has(c.departement)) continue;
    communes.set(c.code, {
      code: c.code,
      name: c.nom,
      departement: c.departement,
      region: c.region,
      population: c.population ?? 0,
      postcodes: c.codesPostaux ?? [],
    });
  }
  cached = { communes, departements, regions };
  return cached;
}

export function findCommune(code: string): Commune | null {
  return geography().communes.get(code) ?? null;
}

/** The ltree prefix of a commune: every top element of the commune lives under it. */
export function communePath(c: Commune): string {
  return `r${c.region}.d${c.departement}.c${c.code}`;
}

/** A geographic area by level and INSEE code, or null when the code is not in the official lists. */
export function findArea(level: GeoLevel, code: string): GeoArea | null {
  const g = geography();
  if (level === 'region') {
    const r = g.regions.get(code);
    return r ? { level, code, name: r.name, path: `r${code}` } : null;
  }
  if (level === 'departement') {
    const d = g.departements.get(code);
    return d ? { level, code, name: d.name, path: `r${d.region}.d${code}` } : null;
  }
  const c = g.communes.get(code);
  return c ? { level, code, name: c.name, path: communePath(c) } : null;
}

/** The geographic area named by a path label (`r84`, `d69`, `c69123`). */
export function areaOfLabel(label: string): GeoArea | null {
  const code = label.slice(1);
  if (label.startsWith('r')) return findArea('region', code);
  if (label.startsWith('d')) return findArea('departement', code);
  if (label.startsWith('c')) return findArea('commune', code);
  return null;
}
