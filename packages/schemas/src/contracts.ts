import { z } from 'zod';
import { emailSchema, isoDate, pageOf, text } from './common';
import { perimeterSchema, sharedTypesSchema } from './perimeter';
import { passwordSchema } from './users';

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/**
 * draft → awaiting_parties → ready_to_validate → validating → active; cancelled before active;
 * once active: suspended (and back) or terminated (final).
 */
export const contractStates = [
  'draft',
  'awaiting_parties',
  'ready_to_validate',
  'validating',
  'active',
  'cancelled',
  'suspended',
  'terminated',
] as const;
export type ContractState = (typeof contractStates)[number];

/** The parties of a contract; an organisation appears once. */
export const partyRoles = ['owner', 'provider', 'thirdParty'] as const;
export type PartyRole = (typeof partyRoles)[number];
/** The parties the owner invites (everyone but itself). */
export const inviteeRoles = ['provider', 'thirdParty'] as const;
export type InviteeRole = (typeof inviteeRoles)[number];

/** The six steps of the wizard, in order (labels in the console: see i18n `contracts.steps.*`). */
export const wizardSteps = ['informations', 'metier', 'entites', 'references', 'perimetre', 'elements'] as const;
export type WizardStep = (typeof wizardSteps)[number];

/** What the console shows of an invitation; the token itself is never returned by any API. */
export const invitationStatuses = ['sent', 'opened', 'expired', 'completed', 'revoked'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

// ---------------------------------------------------------------------------------------------
// Field rules (the console shows the same ones)
// ---------------------------------------------------------------------------------------------

/** A party's own contract reference: 1–100 letters, digits and `- _ . / ` (space), trimmed. */
export const contractReferenceSchema = z
  .string()
  .trim()
  .min(1, { message: 'La référence est obligatoire' })
  .max(100, { message: 'Au plus 100 caractères' })
  .regex(/^[\p{L}\p{N}\-_./ ]+$/u, {
    message: 'Lettres, chiffres, espaces et - _ . / uniquement',
  });

export const contractLabelSchema = text(200);
export const contractDescriptionSchema = z.string().trim().max(5000, { message: 'Au plus 5 000 caractères' });

export const contractTagSchema = z.strictObject({
  key: text(60),
  value: z.string().trim().max(200),
});
export type ContractTag = z.infer<typeof contractTagSchema>;

/** Free key/value pairs; keys unique within a project (case-insensitive), at most 50. */
export const contractTagsSchema = z
  .array(contractTagSchema)
  .max(50, { message: 'Au plus 50 étiquettes' })
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    tags.forEach((t, i) => {
      const key = t.key.toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `Clé en double : ${t.key}` });
      }
      seen.add(key);
    });
  });

export const contactPhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .()-]{6,25}$/, { message: 'Numéro de téléphone invalide' });

export const partyContactSchema = z
  .strictObject({
    name: text(120).optional(),
    email: emailSchema.optional(),
    phone: contactPhoneSchema.optional(),
  })
  .refine((c) => c.name !== undefined || c.email !== undefined || c.phone !== undefined, {
    message: 'Un contact a au moins un nom, un e-mail ou un téléphone',
  });
export type PartyContact = z.infer<typeof partyContactSchema>;
export const partyContactsSchema = z.array(partyContactSchema).max(5, { message: 'Au plus 5 contacts' });

/** One party's block (step 4): only that party may write it. */
export const partyBlockBody = z.strictObject({
  reference: contractReferenceSchema.nullable().optional(),
  contacts: partyContactsSchema.optional(),
});
export type PartyBlockBody = z.infer<typeof partyBlockBody>;

export const orgIdRef = z.string().min(1).max(60);
const versionField = z.number().int().min(1).describe('Version lue ; une version périmée est refusée (409)');

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/** Step 1 creates the project (the owner's reference may be given already: step 0). */
export const createContractProjectBody = z.strictObject({
  label: contractLabelSchema,
  description: contractDescriptionSchema.optional(),
  tags: contractTagsSchema.default([]),
  reference: contractReferenceSchema.optional().describe('Référence de contrat du propriétaire'),
});
export type CreateContractProjectBody = z.infer<typeof createContractProjectBody>;

/**
 * Any step's fields, with the version read. Owner-side fields (steps 1, 2, 3, 5, 6) are the
 * owner's; `parties.<role>` is that party's own block. Writing a field one does not own is refused
 * (`contract.field_not_owned`), whatever else the request contains.
 */
export const updateContractProjectBody = z.strictObject({
  version: versionField,
  label: contractLabelSchema.optional(),
  description: contractDescriptionSchema.nullable().optional(),
  tags: contractTagsSchema.optional(),
  tradeId: orgIdRef.nullable().optional(),
  providerId: orgIdRef.nullable().optional(),
  thirdPartyId: orgIdRef.nullable().optional(),
  perimeter: perimeterSchema.nullable().optional(),
  sharedTypes: sharedTypesSchema.optional(),
  parties: z
    .strictObject({
      owner: partyBlockBody.optional(),
      provider: partyBlockBody.optional(),
      thirdParty: partyBlockBody.optional(),
    })
    .optional(),
});
export type UpdateContractProjectBody = z.infer<typeof updateContractProjectBody>;

/** Notify the other parties (end of step 4): each invitee gets an e-mail with a personal link. */
export const notifyContractProjectBody = z.strictObject({
  version: versionField,
  invitees: z
    .array(z.strictObject({ role: z.enum(inviteeRoles), email: emailSchema }))
    .min(1)
    .max(2)
    .refine((l) => new Set(l.map((i) => i.role)).size === l.length, { message: 'Une invitation par partie' }),
});
export type NotifyContractProjectBody = z.infer<typeof notifyContractProjectBody>;

/** **Relancer**: sends the invitation again with a new link (the previous link stops working). */
export const remindContractProjectBody = z.strictObject({ role: z.enum(inviteeRoles) });

/** A provider or third party submits its block (reference required). */
export const submitPartyBody = z.strictObject({
  version: versionField,
  reference: contractReferenceSchema,
  contacts: partyContactsSchema.default([]),
});
export type SubmitPartyBody = z.infer<typeof submitPartyBody>;

export const cancelContractProjectBody = z.strictObject({
  reason: text(1000),
});

export const validateContractProjectBody = z.strictObject({
  version: versionField.optional(),
});

export const referenceAvailabilityQuery = z.strictObject({
  reference: contractReferenceSchema,
  organizationId: orgIdRef.optional().describe('Organisation de la référence (par défaut : la mienne)'),
  excludeProjectId: z.string().max(60).optional().describe('Le projet en cours de saisie'),
});

export const contractProjectListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  state: z.enum(contractStates).optional(),
  includeCancelled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ContractProjectListQuery = z.infer<typeof contractProjectListQuery>;

export const contractSorts = [
  'label',
  '-label',
  'createdAt',
  '-createdAt',
  'activatedAt',
  '-activatedAt',
  'trade',
  '-trade',
  'state',
  '-state',
] as const;
export type ContractSort = (typeof contractSorts)[number];

/** **Contrats**: search, sort, filters actif / inactif, métier, tiers sous contrat, pagination. */
export const contractListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['actif', 'inactif']).optional().describe('actif = état active ; inactif = tout autre état'),
  tradeId: orgIdRef.optional(),
  partyId: orgIdRef.optional().describe('Organisation sous contrat (prestataire ou tiers)'),
  hasThirdParty: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(contractSorts).default('-createdAt'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ContractListQuery = z.infer<typeof contractListQuery>;

export const invitationAccountBody = z.strictObject({
  name: text(120),
  password: passwordSchema,
});

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export const partyOrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  siren: z.string(),
  onboardingEmail: z.string().nullable(),
  ready: z.boolean(),
});

export const invitationViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  status: z.enum(invitationStatuses),
  sentAt: isoDate,
  openedAt: isoDate.nullable(),
  expiresAt: isoDate,
  remindersSent: z.number().int(),
  completedAt: isoDate.nullable(),
});
export type InvitationView = z.infer<typeof invitationViewSchema>;

export const contractPartySchema = z.object({
  role: z.enum(partyRoles),
  organization: partyOrganizationSchema,
  reference: z.string().nullable(),
  contacts: z.array(
    z.object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }),
  ),
  /** When a provider / third party submitted its block (always null for the owner). */
  submittedAt: isoDate.nullable(),
  invitation: invitationViewSchema.nullable(),
});
export type ContractParty = z.infer<typeof contractPartySchema>;

export const contractProgressSchema = z.object({
  stepsDone: z.array(z.enum(wizardSteps)),
  /** The first step not done yet (null when all six are). */
  nextStep: z.enum(wizardSteps).nullable(),
  /** Who must act now: the owner (complete, notify, validate), other parties, or the platform. */
  awaiting: z.array(z.enum([...partyRoles, 'platform'])),
  awaitingOrganizations: z.array(z.object({ id: z.string(), name: z.string() })),
  since: isoDate,
});
export type ContractProgress = z.infer<typeof contractProgressSchema>;

export const contractProjectSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  state: z.enum(contractStates),
  stateEnteredAt: isoDate,
  version: z.number().int(),
  trade: z.object({ id: z.string(), code: z.string(), label: z.string() }).nullable(),
  parties: z.array(contractPartySchema),
  progress: contractProgressSchema,
  validation: z.object({ attempts: z.number().int(), lastError: z.string().nullable() }),
  cancelReason: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
  activatedAt: isoDate.nullable(),
});
export type ContractProjectSummary = z.infer<typeof contractProjectSummarySchema>;

export const contractStateEntrySchema = z.object({
  state: z.enum(contractStates),
  enteredAt: isoDate,
  enteredBy: z.string(),
  reason: z.string().nullable(),
});

export const contractAuditEntrySchema = z.object({
  at: isoDate,
  actor: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const frozenTermsSchema = z.object({
  frozenAt: isoDate,
  label: z.string(),
  trade: z.object({ id: z.string(), code: z.string(), label: z.string() }),
  parties: z.array(
    z.object({ role: z.enum(partyRoles), organizationId: z.string(), name: z.string(), reference: z.string() }),
  ),
  perimeter: perimeterSchema,
  sharedTypes: sharedTypesSchema,
  /** Elements resolved per shared type at activation (null while the perimeter engine is not wired). */
  counts: z.record(z.string(), z.number().int()).nullable(),
});
export type FrozenTerms = z.infer<typeof frozenTermsSchema>;

/** What the user may do on this project (the server checks again on every write). */
export const contractPermissionsSchema = z.object({
  /** The block of step 4 this user may write (null: none). */
  ownRole: z.enum(partyRoles).nullable(),
  canEditOwnerFields: z.boolean(),
  canNotify: z.boolean(),
  canSubmit: z.boolean(),
  canValidate: z.boolean(),
  canCancel: z.boolean(),
});

export const contractProjectDetailSchema = contractProjectSummarySchema.extend({
  description: z.string().nullable(),
  tags: z.array(z.object({ key: z.string(), value: z.string() })),
  perimeter: perimeterSchema.nullable(),
  sharedTypes: sharedTypesSchema,
  states: z.array(contractStateEntrySchema),
  frozenTerms: frozenTermsSchema.nullable(),
  permissions: contractPermissionsSchema,
  audit: z.array(contractAuditEntrySchema),
});
export type ContractProjectDetail = z.infer<typeof contractProjectDetailSchema>;

export const contractProjectPage = pageOf(contractProjectSummarySchema);

export const referenceAvailabilitySchema = z.object({
  reference: z.string(),
  organizationId: z.string(),
  available: z.boolean(),
  /** The project holding it, when the user may see that project. */
  heldBy: z.object({ id: z.string(), label: z.string(), state: z.enum(contractStates) }).nullable(),
});

/** What opening an invitation link shows (no session needed; nothing changes but `openedAt`). */
export const invitationLandingSchema = z.object({
  invitation: z.object({
    email: z.string(),
    role: z.enum(inviteeRoles),
    organization: partyOrganizationSchema,
    expiresAt: isoDate,
    /** True when an account exists for the invited e-mail: sign in; otherwise create one. */
    accountExists: z.boolean(),
  }),
  project: contractProjectSummarySchema.extend({
    description: z.string().nullable(),
    tags: z.array(z.object({ key: z.string(), value: z.string() })),
    perimeter: perimeterSchema.nullable(),
    sharedTypes: sharedTypesSchema,
  }),
});
