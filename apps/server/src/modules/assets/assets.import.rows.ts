import {
  type AssetKind,
  type EquipmentKind,
  type ImportError,
  normalizeForSearch,
  type PremisesKind,
} from '@raccord/schemas';
import { findCommune } from './assets.geo';
import type { RawRow } from './assets.import.parse';

/** One valid line of an import. */
export interface ImportRow {
  line: number;
  reference: string;
  parentReference: string | null;
  kind: AssetKind;
  equipmentKind: EquipmentKind | null;
  premisesKind: PremisesKind | null;
  label: string;
  address: string | null;
  postcode: string | null;
  communeCode: string | null;
  yearBuilt: number | null;
  brand: string | null;
  serialNumber: string | null;
  commissioningDate: string | null;
  /** References of other sites served; null when the file has no such column. */
  served: string[] | null;
}

/** French labels and English codes of the kinds, as a file may spell them. */
const kindNames: Record<string, AssetKind> = {};
const add = <T extends string>(into: Record<string, T>, value: T, ...names: string[]) => {
  for (const n of [value, ...names]) into[normalizeForSearch(n.replace(/_/g, ' '))] = value;
};
add(kindNames, 'site', 'ensemble immobilier', 'ensemble', 'groupe', 'residence');
add(kindNames, 'building', 'batiment', 'immeuble');
add(kindNames, 'entrance', 'entree', 'cage d escalier', 'cage');
add(kindNames, 'floor', 'etage');
add(kindNames, 'unit', 'logement');
add(kindNames, 'premises', 'local');
add(kindNames, 'common_area', 'partie commune', 'parties communes');
add(kindNames, 'equipment', 'equipement');
const equipmentNames: Record<string, EquipmentKind> = {};
add(equipmentNames, 'lift', 'ascenseur');
add(equipmentNames, 'collective_boiler_room', 'chaufferie collective', 'chaufferie', 'chaudiere collective');
add(equipmentNames, 'individual_boiler', 'chaudiere individuelle', 'chaudiere');
add(equipmentNames, 'vmc', 'ventilation', 'cmv');
add(equipmentNames, 'automatic_door', 'porte automatique');
add(equipmentNames, 'gate', 'portail');
add(equipmentNames, 'access_control', 'interphone', 'controle d acces');
add(equipmentNames, 'fire_safety', 'securite incendie', 'colonne seche');
add(equipmentNames, 'water_meter', 'compteur d eau', 'compteur');
add(equipmentNames, 'sub_meter', 'sous compteur');
add(equipmentNames, 'water_heater', 'chauffe eau', 'ballon');
add(equipmentNames, 'other', 'autre');
const premisesNames: Record<string, PremisesKind> = {};
add(premisesNames, 'commerce', 'commerce');
add(premisesNames, 'parking', 'parking', 'garage', 'box');
add(premisesNames, 'cave', 'cave', 'cellier');
add(premisesNames, 'local_technique', 'local technique');

/** Spellings already seen (a file repeats a handful of them a million times), per table of names. */
const seen = new Map<Record<string, unknown>, Map<string, unknown>>();
function lookup<T>(names: Record<string, T>, value: string): T | undefined {
  let memo = seen.get(names);
  if (!memo) {
    memo = new Map();
    seen.set(names, memo);
  }
  if (memo.has(value)) return memo.get(value) as T | undefined;
  const found = names[normalizeForSearch(value.replace(/_/g, ' '))];
  if (memo.size < 1000) memo.set(value, found);
  return found;
}

const labels: Record<string, string> = {
  reference: 'référence',
  parent_reference: 'référence parent',
  kind: 'type',
  label: 'libellé',
};

/** Checks one record; returns the row, or its errors (every problem of the line, not only the first). */
/** A cell's value, null when absent or empty. */
function cell(raw: RawRow, k: string): string | null {
  const s = raw.values.get(k);
  return s === undefined || s === '' ? null : s;
}

function addError(
  raw: RawRow,
  errors: ImportError[],
  column: string | null,
  value: string | null,
  code: string,
  message: string,
) {
  if (column && code !== 'import.cell_too_long' && raw.tooLong.includes(column)) return;
  errors.push({ line: raw.line, column, value: value === null ? null : value.slice(0, 80), code, message });
}

export function checkRow(raw: RawRow): { row: ImportRow | null; errors: ImportError[] } {
  const errors: ImportError[] = [];
  for (const col of raw.tooLong)
    addError(
      raw,
      errors,
      col,
      raw.values.get(col) ?? '',
      'import.cell_too_long',
      'Valeur trop longue (2 000 caractères au plus).',
    );
  if (raw.values.has('__extra'))
    addError(raw, errors, null, null, 'import.extra_cells', 'Plus de valeurs que de colonnes d’en-tête.');
  for (const col of ['reference', 'kind', 'label']) {
    if (!cell(raw, col))
      addError(raw, errors, col, null, 'import.required', `La colonne « ${labels[col]} » est obligatoire.`);
  }
  const reference = cell(raw, 'reference');
  if (reference && !/^[^\s;,|"]{1,100}$/.test(reference)) {
    addError(
      raw,
      errors,
      'reference',
      reference,
      'import.invalid_reference',
      'Référence invalide (100 caractères, sans espace ni ; , | ").',
    );
  }
  const kindText = cell(raw, 'kind');
  const kind = kindText ? lookup(kindNames, kindText) : undefined;
  if (kindText && !kind)
    addError(raw, errors, 'kind', kindText, 'import.unknown_kind', `Type inconnu : « ${kindText} ».`);
  const eqText = cell(raw, 'equipment_kind');
  let equipmentKind: EquipmentKind | null = null;
  if (kind === 'equipment') {
    equipmentKind = eqText ? (lookup(equipmentNames, eqText) ?? null) : 'other';
    if (!equipmentKind)
      addError(
        raw,
        errors,
        'equipment_kind',
        eqText,
        'import.unknown_equipment_kind',
        `Type d’équipement inconnu : « ${eqText} ».`,
      );
  } else if (eqText && kind) {
    addError(
      raw,
      errors,
      'equipment_kind',
      eqText,
      'import.equipment_kind_unexpected',
      'Seuls les équipements ont un type d’équipement.',
    );
  }
  const prText = cell(raw, 'premises_kind');
  let premisesKind: PremisesKind | null = null;
  if (prText) {
    premisesKind = lookup(premisesNames, prText) ?? null;
    if (!premisesKind)
      addError(
        raw,
        errors,
        'premises_kind',
        prText,
        'import.unknown_premises_kind',
        `Type de local inconnu : « ${prText} ».`,
      );
    else if (kind && kind !== 'premises')
      addError(
        raw,
        errors,
        'premises_kind',
        prText,
        'import.premises_kind_unexpected',
        'Seuls les locaux ont un type de local.',
      );
  }
  const label = cell(raw, 'label');
  if (label && label.length > 200)
    addError(raw, errors, 'label', label, 'import.too_long', 'Libellé trop long (200 caractères au plus).');
  const address = cell(raw, 'address');
  if (address && address.length > 300)
    addError(raw, errors, 'address', address, 'import.too_long', 'Adresse trop longue (300 caractères au plus).');
  const postcode = cell(raw, 'postcode');
  if (postcode && !/^\d{5}$/.test(postcode))
    addError(raw, errors, 'postcode', postcode, 'import.invalid_postcode', 'Code postal à 5 chiffres.');
  const communeCode = cell(raw, 'commune_code');
  if (communeCode && !findCommune(communeCode)) {
    addError(
      raw,
      errors,
      'commune_code',
      communeCode,
      'import.unknown_commune',
      `Code commune INSEE inconnu : ${communeCode}.`,
    );
  }
  const yearText = cell(raw, 'year_built');
  const yearBuilt = yearText ? Number(yearText) : null;
  if (yearText && (!Number.isInteger(yearBuilt) || (yearBuilt ?? 0) < 1000 || (yearBuilt ?? 0) > 2100)) {
    addError(raw, errors, 'year_built', yearText, 'import.invalid_year', 'Année de construction invalide (ex. 1975).');
  }
  let commissioningDate = cell(raw, 'commissioning_date');
  const fr = commissioningDate ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(commissioningDate) : null;
  if (fr) commissioningDate = `${fr[3]}-${fr[2]}-${fr[1]}`;
  if (
    commissioningDate &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(commissioningDate) || Number.isNaN(Date.parse(commissioningDate)))
  ) {
    addError(
      raw,
      errors,
      'commissioning_date',
      cell(raw, 'commissioning_date'),
      'import.invalid_date',
      'Date invalide (AAAA-MM-JJ ou JJ/MM/AAAA).',
    );
  }
  for (const col of ['brand', 'serial_number'] as const) {
    const s = cell(raw, col);
    if (s && s.length > 120)
      addError(raw, errors, col, s, 'import.too_long', 'Valeur trop longue (120 caractères au plus).');
  }
  const servedText = raw.values.get('served_sites');
  const served =
    servedText === undefined
      ? null
      : servedText
          .split('|')
          .map((s) => s.trim())
          .filter(Boolean);
  if (served && served.length > 0 && kind && kind !== 'equipment') {
    addError(
      raw,
      errors,
      'served_sites',
      servedText ?? '',
      'import.served_unexpected',
      'Seuls les équipements desservent d’autres sites.',
    );
  }
  if (errors.length > 0 || !reference || !kind || !label) return { row: null, errors };
  return {
    row: {
      line: raw.line,
      reference,
      parentReference: cell(raw, 'parent_reference'),
      kind,
      equipmentKind,
      premisesKind,
      label,
      address,
      postcode,
      communeCode,
      yearBuilt,
      brand: cell(raw, 'brand'),
      serialNumber: cell(raw, 'serial_number'),
      commissioningDate,
      served,
    },
    errors,
  };
}
