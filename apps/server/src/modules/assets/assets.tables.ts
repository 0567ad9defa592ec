import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ltree, ts } from '../../db/columns';
import { organizations } from '../organizations/organizations.tables';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Integer labels of the tree paths (and the source of asset ids). */
export const assetsNumSeq = pgSequence('assets_num_seq', { startWith: 1000 });

/**
 * The patrimoine tree. `path` is `r<region>.d<departement>.c<commune>.<num>.<num>…`: the geographic
 * levels of the top element's commune, then the integer labels (`num`) of the element's ancestors
 * and itself, so a region, a département, a commune or any element is a path prefix: a subtree is a
 * range of the btree on (owner_id, path) (`inSubtree`). No GiST index on `path`: its upkeep made
 * imports several times slower and every query here is one owner's. `num` is unique through `id`
 * (`assetIdOf(num)`), so it has no index of its own.
 */
export const assets = pgTable(
  'assets',
  {
    /** `ast_` + the base-36 `num`, padded: derivable from `num`, so imports need not keep ids. */
    id: text('id').primaryKey(),
    num: bigint('num', { mode: 'number' }).notNull(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    parentId: text('parent_id'),
    path: ltree('path').notNull(),
    kind: text('kind').notNull(),
    equipmentKind: text('equipment_kind'),
    premisesKind: text('premises_kind'),
    /** `sharedTypeOf(kind, equipmentKind)`: what perimeters and counts use. */
    sharedType: text('shared_type').notNull(),
    reference: text('reference').notNull(),
    label: text('label').notNull(),
    address: text('address'),
    postcode: text('postcode'),
    communeCode: text('commune_code'),
    yearBuilt: integer('year_built'),
    brand: text('brand'),
    serialNumber: text('serial_number'),
    commissioningDate: text('commissioning_date'),
    /** reference + label + address + postcode, lower-case without accents (trigram-indexed). */
    searchText: text('search_text').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'assets_parent_fk' }).onDelete('cascade'),
    uniqueIndex('assets_owner_reference_uq').on(t.ownerId, t.reference),
    index('assets_owner_path_idx').on(t.ownerId, t.path),
    index('assets_parent_idx').on(t.parentId, t.label),
    index('assets_roots_idx').on(t.ownerId, t.communeCode, t.label).where(sql`${t.parentId} IS NULL`),
    // A 32 MB pending list: bulk writes append to it and merge it in large sorted runs (~25 % of
    // an import's write time saved, measured); the import merges it when it ends (see run).
    index('assets_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`).with({ gin_pending_list_limit: 32768 }),
    check(
      'assets_kind_ck',
      sql`${t.kind} in ('site','building','entrance','floor','unit','premises','common_area','equipment')`,
    ),
    check('assets_equipment_kind_ck', sql`(${t.kind} = 'equipment') = (${t.equipmentKind} IS NOT NULL)`),
    check(
      'assets_root_ck',
      sql`${t.parentId} IS NOT NULL OR (${t.kind} in ('site','building') AND ${t.communeCode} IS NOT NULL)`,
    ),
  ],
);

/** Other sites an equipment serves (its place in the tree is its main site). */
export const assetServedSites = pgTable(
  'asset_served_sites',
  {
    assetId: text('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    siteId: text('site_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    ownerId: text('owner_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.siteId] }),
    index('asset_served_sites_owner_idx').on(t.ownerId, t.siteId),
  ],
);

/**
 * Counts per type of the subtree of every node of depth 1 to 5 (region, département, commune, top
 * element, its children), kept in step with every write: perimeter counts and tree counts read it
 * instead of scanning hundreds of thousands of rows.
 */
export const assetRollup = pgTable(
  'asset_rollup',
  {
    ownerId: text('owner_id').notNull(),
    path: ltree('path').notNull(),
    /** The node's parent path ('' for a region): the tree lists children by it. */
    parentPath: ltree('parent_path').notNull(),
    sharedType: text('shared_type').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerId, t.path, t.sharedType] }),
    index('asset_rollup_parent_idx').on(t.ownerId, t.parentPath),
    index('asset_rollup_path_gist').using('gist', t.path),
  ],
);

/**
 * Elements named by the frozen terms of an active contract. The contracts module adds and removes
 * rows (`freezeAssets` / `unfreezeAssets`); a frozen element cannot be deleted (nor its ancestors),
 * and the foreign key makes that an invariant of the database too.
 */
export const assetFreezes = pgTable(
  'asset_freezes',
  {
    assetId: text('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'restrict' }),
    ownerId: text('owner_id').notNull(),
    holderType: text('holder_type').notNull(),
    holderId: text('holder_id').notNull(),
    holderLabel: text('holder_label').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.holderType, t.holderId] }),
    index('asset_freezes_holder_idx').on(t.holderId),
  ],
);

/** An import: a record with its state and progress; the file is kept in `asset_import_chunks`. */
export const assetImports = pgTable(
  'asset_imports',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    createdBy: text('created_by'),
    format: text('format', { enum: ['csv', 'json'] }).notNull(),
    filename: text('filename'),
    state: text('state', { enum: ['queued', 'validating', 'applying', 'succeeded', 'failed'] }).notNull(),
    phase: text('phase'),
    bytesTotal: bigint('bytes_total', { mode: 'number' }).notNull().default(0),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsApplied: integer('rows_applied').notNull().default(0),
    rowsTotal: integer('rows_total'),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    moved: integer('moved').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors').notNull().default([]),
    createdAt: ts('created_at').notNull(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('asset_imports_owner_idx').on(t.ownerId, t.createdAt),
    check('asset_imports_state_ck', sql`${t.state} in ('queued','validating','applying','succeeded','failed')`),
  ],
);

export const assetImportChunks = pgTable(
  'asset_import_chunks',
  {
    importId: text('import_id')
      .notNull()
      .references(() => assetImports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/** Rows of an import whose parent comes later in the file: applied after the others, by depth. */
export const assetImportSpill = pgTable(
  'asset_import_spill',
  {
    importId: text('import_id')
      .notNull()
      .references(() => assetImports.id, { onDelete: 'cascade' }),
    depth: integer('depth').notNull(),
    idx: integer('idx').notNull(),
    row: jsonb('row').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.depth, t.idx] })],
);
