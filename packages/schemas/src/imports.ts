import { z } from 'zod';
import { isoDate } from './common';

export const importFormats = ['csv', 'json'] as const;
export const importStates = ['queued', 'validating', 'applying', 'succeeded', 'failed'] as const;
export type ImportState = (typeof importStates)[number];

/**
 * Columns of the import and export files. CSV headers may be the English `key` or the French
 * `fr` label (accents, case, spaces and underscores ignored); JSON objects use the English keys.
 */
export const importColumns = [
  { key: 'reference', fr: 'Référence', required: true },
  { key: 'parent_reference', fr: 'Référence parent', required: false },
  { key: 'kind', fr: 'Type', required: true },
  { key: 'equipment_kind', fr: 'Type d’équipement', required: false },
  { key: 'premises_kind', fr: 'Type de local', required: false },
  { key: 'label', fr: 'Libellé', required: true },
  { key: 'address', fr: 'Adresse', required: false },
  { key: 'postcode', fr: 'Code postal', required: false },
  { key: 'commune_code', fr: 'Code INSEE', required: false },
  { key: 'year_built', fr: 'Année de construction', required: false },
  { key: 'brand', fr: 'Marque', required: false },
  { key: 'serial_number', fr: 'Numéro de série', required: false },
  { key: 'commissioning_date', fr: 'Date de mise en service', required: false },
  { key: 'served_sites', fr: 'Sites desservis', required: false },
] as const;
export type ImportColumnKey = (typeof importColumns)[number]['key'];

export const importErrorSchema = z.object({
  /** Line of the file (CSV: physical line, header = 1; JSON: position of the object, from 1). */
  line: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

export const importSchema = z.object({
  id: z.string(),
  format: z.enum(importFormats),
  filename: z.string().nullable(),
  state: z.enum(importStates),
  /** Current step, for the progress bar: reading, checking, writing. */
  phase: z.string().nullable(),
  bytesTotal: z.number().int(),
  rowsRead: z.number().int(),
  rowsApplied: z.number().int(),
  rowsTotal: z.number().int().nullable(),
  /** 0–100, over the whole import. */
  progress: z.number(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  moved: z.number().int(),
  errorCount: z.number().int(),
  /** The first errors (capped); `errorCount` counts them all. */
  errors: z.array(importErrorSchema),
  createdAt: isoDate,
  startedAt: isoDate.nullable(),
  finishedAt: isoDate.nullable(),
});
export type AssetImport = z.infer<typeof importSchema>;

export const startImportQuery = z.strictObject({
  /** Guessed from the content type and the first character when absent. */
  format: z.enum(importFormats).optional(),
  filename: z.string().trim().max(200).optional(),
});

export const importListSchema = z.object({ items: z.array(importSchema) });
