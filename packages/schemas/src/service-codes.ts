/** Service codes (codes de prestation): catalogues and their alignment per contract (issue 6). */
import { z } from 'zod';
import { isoDate } from './common';

/** Error codes of service-code catalogues and alignment. */
export const serviceCodeErrorCodes = [
  'service_code.not_found',
  'service_code.code_taken',
  'service_code.not_own_catalogue',
  'service_code.in_use',
  'service_code.import_invalid',
  'service_code.contract_not_found',
  'service_code.contract_not_active',
  'service_code.read_only',
  'service_code.unknown_code',
  'service_code.invalid_pair',
  'service_code.pair_not_found',
  'service_code.pair_exists',
  'service_code.own_proposal',
  'service_code.pair_not_pending',
  'service_code.stale_version',
  'service_code.locked',
  'service_code.not_aligned',
  'service_code.not_submitted',
  'service_code.operator_only',
] as const;

export const workTypes = ['preventive', 'corrective'] as const;
export type WorkType = (typeof workTypes)[number];

/** Vocabulary of a mapping's quality: the owner code is equivalent to, narrower or broader than the provider's. */
export const pairRelations = ['equivalent', 'narrower', 'broader', 'no_match'] as const;
export type PairRelation = (typeof pairRelations)[number];

export const pairStatuses = ['proposed', 'accepted', 'rejected'] as const;
export type PairStatus = (typeof pairStatuses)[number];

/** The codes state of a contract: à aligner → proposés → alignés → transmis → intégrés. */
export const codesStates = ['to_align', 'proposed', 'aligned', 'submitted', 'integrated'] as const;
export type CodesState = (typeof codesStates)[number];

/** Codes are matched case-insensitively (`p902` is `P902`), stored as typed. */
const codeText = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\s;,"]+$/, 'Un code ne contient ni espace, ni « ; », ni « , », ni guillemet.');

export const serviceCodeSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  tradeId: z.string(),
  code: z.string(),
  label: z.string(),
  workType: z.enum(workTypes).nullable(),
  description: z.string().nullable(),
  updatedAt: isoDate,
});
export type ServiceCode = z.infer<typeof serviceCodeSchema>;

export const serviceCodeListQuery = z.strictObject({
  tradeId: z.string().min(1).max(60),
  /** Operators only: another organisation's catalogue. */
  organizationId: z.string().max(60).optional(),
});
export const serviceCodeList = z.object({ items: z.array(serviceCodeSchema) });

export const createServiceCodeBody = z.strictObject({
  tradeId: z.string().min(1).max(60),
  code: codeText,
  label: z.string().trim().min(1).max(200),
  workType: z.enum(workTypes).nullish(),
  description: z.string().trim().max(1000).nullish(),
});
export type CreateServiceCodeBody = z.infer<typeof createServiceCodeBody>;

export const updateServiceCodeBody = z.strictObject({
  code: codeText.optional(),
  label: z.string().trim().min(1).max(200).optional(),
  workType: z.enum(workTypes).nullish(),
  description: z.string().trim().max(1000).nullish(),
});
export type UpdateServiceCodeBody = z.infer<typeof updateServiceCodeBody>;

export const importServiceCodesBody = z.strictObject({
  tradeId: z.string().min(1).max(60),
  /** UTF-8 CSV text, header first; `;` or `,` detected from the header. */
  csv: z.string().max(1_000_000),
});
export const importServiceCodesResult = z.object({ created: z.number().int(), updated: z.number().int() });

/** One line refused by an import (`details.lines` of `service_code.import_invalid`). */
export const importLineErrorSchema = z.object({
  line: z.number().int(),
  field: z.string(),
  reason: z.enum(['missing', 'too_long', 'invalid', 'duplicate', 'header']),
  value: z.string().optional(),
});
export type ImportLineError = z.infer<typeof importLineErrorSchema>;

// ——— Alignment per contract ———

export const pairSchema = z.object({
  id: z.string(),
  ownerCode: z.string(),
  providerCode: z.string().nullable(),
  relation: z.enum(pairRelations),
  comment: z.string().nullable(),
  status: z.enum(pairStatuses),
  proposedBy: z.enum(['owner', 'provider']),
  /** The other party's comment when it rejected the pair. */
  responseComment: z.string().nullable(),
  updatedAt: isoDate,
});
export type Pair = z.infer<typeof pairSchema>;

export const catalogueEntrySchema = serviceCodeSchema.pick({ code: true, label: true, workType: true });

export const alignmentSchema = z.object({
  contractId: z.string(),
  contractLabel: z.string(),
  trade: z.object({ id: z.string(), label: z.string() }),
  owner: z.object({ id: z.string(), name: z.string() }),
  provider: z.object({ id: z.string(), name: z.string() }),
  version: z.number().int(),
  state: z.enum(codesStates),
  stateEnteredAt: isoDate.nullable(),
  /** The service client's comment when it sent the table back. */
  returnComment: z.string().nullable(),
  pairs: z.array(pairSchema),
  ownerCatalogue: z.array(catalogueEntrySchema),
  providerCatalogue: z.array(catalogueEntrySchema),
  /** Owner codes that no accepted pair handles yet. */
  uncoveredOwnerCodes: z.array(z.string()),
  permissions: z.object({
    role: z.enum(['owner', 'provider', 'thirdParty', 'operator']),
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canIntegrate: z.boolean(),
  }),
});
export type Alignment = z.infer<typeof alignmentSchema>;

export const versionBody = z.strictObject({ expectedVersion: z.number().int().min(1) });

export const proposePairBody = versionBody.extend({
  ownerCode: codeText,
  providerCode: codeText.nullish(),
  relation: z.enum(pairRelations),
  comment: z.string().trim().max(500).nullish(),
});
export type ProposePairBody = z.infer<typeof proposePairBody>;

export const rejectPairBody = versionBody.extend({ comment: z.string().trim().min(1).max(500) });
export const sendBackBody = versionBody.extend({ comment: z.string().trim().min(1).max(1000) });

export const pairParams = z.strictObject({ id: z.string().min(1).max(60), pairId: z.string().min(1).max(60) });

export const suggestionSchema = z.object({
  ownerCode: z.string(),
  ownerLabel: z.string(),
  providerCode: z.string(),
  providerLabel: z.string(),
  relation: z.enum(pairRelations),
  /** 0…1; 1 for a pair already agreed in another contract of the same parties. */
  score: z.number(),
  source: z.enum(['label', 'history']),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export const suggestionList = z.object({ items: z.array(suggestionSchema) });

export const dismissSuggestionBody = z.strictObject({ ownerCode: codeText, providerCode: codeText });

export const versionDiffSchema = z.object({
  version: z.number().int(),
  at: isoDate,
  actor: z.string(),
  action: z.string(),
  added: z.array(pairSchema),
  removed: z.array(pairSchema),
  changed: z.array(z.object({ before: pairSchema, after: pairSchema })),
});
export type VersionDiff = z.infer<typeof versionDiffSchema>;
export const versionList = z.object({ items: z.array(versionDiffSchema) });

export const submissionSchema = z.object({
  contractId: z.string(),
  contractLabel: z.string(),
  trade: z.string(),
  owner: z.string(),
  provider: z.string(),
  version: z.number().int(),
  state: z.enum(codesStates),
  pairCount: z.number().int(),
  submittedAt: isoDate.nullable(),
  submittedBy: z.string().nullable(),
});
export type Submission = z.infer<typeof submissionSchema>;
export const submissionList = z.object({ items: z.array(submissionSchema) });
export const submissionQuery = z.strictObject({ state: z.enum(['submitted', 'integrated', 'all']).optional() });

/** What the lookup of operation logs answers per code. */
export const serviceCodeResolutionStatuses = ['known', 'unknown', 'unchecked'] as const;
export type ServiceCodeResolutionStatus = (typeof serviceCodeResolutionStatuses)[number];
