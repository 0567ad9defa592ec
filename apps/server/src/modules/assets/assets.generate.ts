import { type Commune, geography } from './assets.geo';

/** A deterministic generator (mulberry32): the same seed gives the same patrimoine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
  };
}

const residenceNames = [
  'Les Tilleuls',
  'Les Érables',
  'Le Parc',
  'Les Acacias',
  'Les Peupliers',
  'Le Clos Fleuri',
  'Les Cèdres',
  'Bellevue',
  'Les Marronniers',
  'La Roseraie',
  'Les Lilas',
  'Le Mail',
  'Les Charmilles',
  'Val Fleuri',
  'Les Glycines',
  'Le Verger',
  'Les Platanes',
  'La Source',
  'Les Mimosas',
  'Le Belvédère',
  'Les Hirondelles',
  'Jean Moulin',
  'Pablo Picasso',
  'Louise Michel',
  'Victor Hugo',
  'Jules Ferry',
  'Les Sablons',
  'Le Moulin',
];
const streetTypes = ['rue', 'avenue', 'boulevard', 'allée', 'place', 'impasse', 'chemin', 'square'];
const streetNames = [
  'Victor Hugo',
  'Jean Jaurès',
  'de la République',
  'Pasteur',
  'Jules Ferry',
  'Gambetta',
  'du Général de Gaulle',
  'Émile Zola',
  'des Écoles',
  'de la Gare',
  'Paul Bert',
  'Voltaire',
  'Anatole France',
  'des Lilas',
  'Louis Pergaud',
  'Jean Moulin',
  'Aristide Briand',
  'du 8 Mai 1945',
  'de la Liberté',
  'Carnot',
  'Marcel Pagnol',
  'des Tilleuls',
  'Albert Camus',
  'Georges Brassens',
  'de la Paix',
  'du Stade',
  'des Peupliers',
  'Henri Barbusse',
];
const brands: Record<string, string[]> = {
  lift: ['Otis', 'Schindler', 'Kone', 'TK Elevator', 'Soretex'],
  individual_boiler: ['Saunier Duval', 'Frisquet', 'De Dietrich', 'Chaffoteaux', 'Viessmann', 'ELM Leblanc'],
  collective_boiler_room: ['Viessmann', 'De Dietrich', 'Atlantic Guillot', 'Buderus'],
  vmc: ['Aldes', 'Atlantic', 'Unelvent', 'France Air'],
  access_control: ['Intratone', 'Urmet', 'Comelit', 'Noralsy'],
  water_heater: ['Atlantic', 'Thermor', 'Ariston'],
  gate: ['Came', 'Nice', 'FAAC'],
  fire_safety: ['Desautel', 'Sicli', 'Eurofeu'],
};
const eqPrefix: Record<string, string> = {
  lift: 'ASC',
  collective_boiler_room: 'CHC',
  individual_boiler: 'CHI',
  vmc: 'VMC',
  automatic_door: 'PAU',
  gate: 'PTL',
  access_control: 'INT',
  fire_safety: 'SSI',
  water_meter: 'CPE',
  sub_meter: 'SCP',
  water_heater: 'CEA',
  other: 'EQP',
};
const eqLabel: Record<string, string> = {
  lift: 'Ascenseur',
  collective_boiler_room: 'Chaufferie collective',
  individual_boiler: 'Chaudière individuelle',
  vmc: 'VMC',
  automatic_door: 'Porte automatique',
  gate: 'Portail',
  access_control: 'Interphone',
  fire_safety: 'Colonne sèche',
  water_meter: 'Compteur d’eau',
  sub_meter: 'Sous-compteur',
  water_heater: 'Chauffe-eau',
  other: 'Équipement',
};

export const generatedHeader =
  'reference;parent_reference;kind;equipment_kind;premises_kind;label;address;postcode;commune_code;year_built;brand;serial_number;commissioning_date;served_sites';

/** Communes to draw from, weighted by population (cumulative), with a fallback when the list is empty. */
function communeSampler(r: ReturnType<typeof rng>) {
  const list = [...geography().communes.values()].filter((c) => c.population > 0 && c.postcodes.length > 0);
  list.sort((a, b) => (a.code < b.code ? -1 : 1));
  const cumulative: number[] = [];
  let total = 0;
  for (const c of list) {
    total += c.population;
    cumulative.push(total);
  }
  return (): Commune => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo] as Commune;
  };
}

/**
 * A realistic patrimoine as CSV lines (parents first): sites (ensembles immobiliers) in communes
 * drawn by population, 1–6 buildings each, entrances, units (about 75 % of the elements), premises
 * and common areas, and equipment (lifts, boilers, VMC, intercoms…), some boiler rooms serving a
 * neighbouring site. Stops at exactly `elements` lines.
 */
export function* generatePatrimoine(opts: { elements: number; seed: number; prefix?: string }): Generator<string> {
  const r = rng(opts.seed);
  const commune = communeSampler(r);
  const pre = opts.prefix ?? '';
  let count = 0;
  let serial = 100000;
  const out: string[] = [];
  const line = (cells: Array<string | number | null>) => {
    if (count >= opts.elements) return false;
    count++;
    out.push(cells.map((c) => (c === null ? '' : String(c))).join(';'));
    return true;
  };
  const equipment = (parent: string, kind: string, n: number, year: number) =>
    line([
      `${pre}${eqPrefix[kind]}-${String(n).padStart(7, '0')}`,
      parent,
      'equipment',
      kind,
      null,
      `${eqLabel[kind]}${kind === 'lift' ? ` ${String.fromCharCode(65 + (n % 3))}` : ''}`,
      null,
      null,
      null,
      null,
      brands[kind] ? r.pick(brands[kind] ?? []) : null,
      `SN${serial++}`,
      `${r.int(Math.max(year, 1995), 2025)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      null,
    ]);
  let eq = 0;
  const sitesOfCommune = new Map<string, string>();
  yield `${generatedHeader}\n`;
  for (let s = 1; count < opts.elements; s++) {
    const c = commune();
    const site = `${pre}GRP-${String(s).padStart(5, '0')}`;
    const year = r.int(1950, 2020);
    const street = `${r.pick(streetTypes)} ${r.pick(streetNames)}`;
    const no = r.int(1, 120);
    line([
      site,
      null,
      'site',
      null,
      null,
      `Résidence ${r.pick(residenceNames)}`,
      `${no} ${street}`,
      c.postcodes[0] ?? null,
      c.code,
      year,
      null,
      null,
      null,
      null,
    ]);
    const neighbour = sitesOfCommune.get(c.code);
    sitesOfCommune.set(c.code, site);
    if (r.chance(0.3)) {
      const served = neighbour && r.chance(0.3) ? neighbour : null;
      line([
        `${pre}CHC-${String(++eq).padStart(7, '0')}`,
        site,
        'equipment',
        'collective_boiler_room',
        null,
        'Chaufferie collective',
        null,
        null,
        null,
        null,
        r.pick(brands.collective_boiler_room ?? []),
        `SN${serial++}`,
        null,
        served,
      ]);
    }
    if (r.chance(0.4)) equipment(site, 'gate', ++eq, year);
    const buildings = r.int(1, 6);
    for (let b = 0; b < buildings && count < opts.elements; b++) {
      const bat = `${pre}BAT-${String(s).padStart(5, '0')}-${String.fromCharCode(65 + b)}`;
      line([
        bat,
        site,
        'building',
        null,
        null,
        `Bâtiment ${String.fromCharCode(65 + b)}`,
        `${no + b * 2} ${street}`,
        c.postcodes[0] ?? null,
        c.code,
        year,
        null,
        null,
        null,
        null,
      ]);
      equipment(bat, 'vmc', ++eq, year);
      if (r.chance(0.5)) equipment(bat, 'fire_safety', ++eq, year);
      line([
        `${bat}-PC1`,
        bat,
        'common_area',
        null,
        null,
        'Hall et circulations',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ]);
      for (let p = 0, np = r.int(0, 4); p < np; p++) {
        const kind = r.pick(['cave', 'parking', 'parking', 'local_technique', 'commerce'] as const);
        line([
          `${bat}-L${p + 1}`,
          bat,
          'premises',
          null,
          kind,
          kind === 'commerce'
            ? 'Local commercial'
            : kind === 'cave'
              ? `Cave ${p + 1}`
              : kind === 'parking'
                ? `Parking ${p + 1}`
                : 'Local technique',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ]);
      }
      const entrances = r.int(1, 3);
      const floors = r.int(3, 9);
      for (let e = 1; e <= entrances && count < opts.elements; e++) {
        const ent = `${bat}-E${e}`;
        line([ent, bat, 'entrance', null, null, `Entrée ${e}`, null, null, null, null, null, null, null, null]);
        equipment(ent, 'access_control', ++eq, year);
        if (floors >= 4 || r.chance(0.3)) equipment(ent, 'lift', ++eq, year);
        for (let u = 0, nu = floors * r.int(2, 4); u < nu && count < opts.elements; u++) {
          const unit = `${pre}LOG-${String(s).padStart(5, '0')}${String.fromCharCode(65 + b)}${e}${String(u + 1).padStart(3, '0')}`;
          const floor = Math.floor(u / Math.max(1, Math.ceil(nu / floors)));
          line([
            unit,
            ent,
            'unit',
            null,
            null,
            `Logement T${r.int(1, 5)} — ${floor === 0 ? 'RDC' : `${floor}e étage`}`,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
          ]);
          if (r.chance(0.2)) equipment(unit, 'individual_boiler', ++eq, year);
          else if (r.chance(0.08)) equipment(unit, 'water_heater', ++eq, year);
        }
      }
    }
    if (out.length >= 2000 || count >= opts.elements) {
      yield `${out.join('\n')}\n`;
      out.length = 0;
    }
  }
  if (out.length > 0) yield `${out.join('\n')}\n`;
}

/** The generated file as an import source (bytes, read twice by the import). */
export function generatedSource(opts: { elements: number; seed: number; prefix?: string }) {
  const encoder = new TextEncoder();
  return {
    format: 'csv' as const,
    async *open() {
      for (const chunk of generatePatrimoine(opts)) yield encoder.encode(chunk);
    },
  };
}
