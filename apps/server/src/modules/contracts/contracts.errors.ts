import type { ContractState } from '@raccord/schemas';
import { AppError } from '../../shared/errors';

const stateLabels: Record<ContractState, string> = {
  draft: 'brouillon',
  awaiting_parties: 'en attente des parties',
  ready_to_validate: 'prêt à valider',
  validating: 'en cours de validation',
  active: 'actif',
  cancelled: 'annulé',
  suspended: 'suspendu',
  terminated: 'résilié',
};

/** Every failure of the contracts module, once, with its stable code. */
export const contractErrors = {
  notFound: () => new AppError('contract.not_found', 404, 'Projet de contrat introuvable.'),
  notParty: () =>
    new AppError('contract.not_party', 403, 'Votre organisation n’est pas partie à ce projet de contrat.'),
  fieldNotOwned: (field: string) =>
    new AppError(
      'contract.field_not_owned',
      403,
      'Ce champ appartient à une autre partie : vous ne pouvez pas le modifier.',
      {
        field,
      },
    ),
  staleVersion: (current: unknown) =>
    new AppError(
      'contract.stale_version',
      409,
      'Le projet a été modifié entre-temps. Rechargez-le : vos modifications n’ont pas été enregistrées.',
      { field: 'version', current },
    ),
  referenceTaken: (field: string, reference: string, heldBy: { id: string; label: string } | null) =>
    new AppError(
      'contract.reference_taken',
      409,
      heldBy
        ? `La référence « ${reference} » est déjà celle du contrat « ${heldBy.label} ».`
        : `La référence « ${reference} » est déjà utilisée par un autre contrat de votre organisation.`,
      { field, reference, heldBy },
    ),
  notEditable: (state: ContractState) =>
    new AppError('contract.not_editable', 409, `Le projet est ${stateLabels[state]} : il ne peut plus être modifié.`, {
      state,
    }),
  notReady: (state: ContractState) =>
    new AppError(
      'contract.not_ready',
      409,
      `Le contrat ne peut être validé que lorsqu’il est prêt à valider (il est ${stateLabels[state]}).`,
      { state },
    ),
  incomplete: (field: string) =>
    new AppError('contract.incomplete', 409, 'Complétez les étapes précédentes avant de notifier les parties.', {
      field,
    }),
  invalidParty: (field: string, why: string) => new AppError('contract.invalid_party', 400, why, { field }),
  duplicateParty: (field: string) =>
    new AppError('contract.duplicate_party', 400, 'Une organisation ne peut être partie qu’une fois au contrat.', {
      field,
    }),
  tradeInactive: () =>
    new AppError('trade.inactive', 400, 'Ce métier n’est pas (ou plus) proposé.', { field: 'tradeId' }),
  notCancellable: (state: ContractState) =>
    new AppError('contract.not_cancellable', 409, `Un contrat ${stateLabels[state]} ne peut pas être annulé.`, {
      state,
    }),
  notInvitable: (field: string) =>
    new AppError(
      'contract.not_invitable',
      409,
      'Cette partie ne fait pas partie du projet ou a déjà complété son bloc.',
      {
        field,
      },
    ),
  ownerAdminOnly: () =>
    new AppError('auth.forbidden', 403, 'Réservé aux administrateurs de l’organisation propriétaire.'),
};

export const invitationErrors = {
  notFound: () => new AppError('invitation.not_found', 404, 'Ce lien d’invitation est inconnu.'),
  expired: () =>
    new AppError(
      'invitation.expired',
      410,
      'Ce lien d’invitation a expiré. Demandez au propriétaire de vous relancer : vous recevrez un nouveau lien.',
    ),
  revoked: (reason: string | null) =>
    new AppError(
      'invitation.revoked',
      410,
      reason === 'replaced'
        ? 'Ce lien a été remplacé par un plus récent : utilisez le dernier e-mail reçu.'
        : 'Cette invitation a été retirée.',
      { reason },
    ),
  used: () =>
    new AppError(
      'invitation.used',
      410,
      'Cette invitation a déjà été utilisée : connectez-vous pour retrouver le projet de contrat.',
    ),
  accountExists: () =>
    new AppError('invitation.account_exists', 409, 'Un compte existe déjà pour cette adresse : connectez-vous.', {
      field: 'email',
    }),
};

export const tradeRequestErrors = {
  notFound: () => new AppError('trade_request.not_found', 404, 'Demande de métier introuvable.'),
  closed: () => new AppError('trade_request.closed', 409, 'Cette demande est déjà traitée.'),
};
