import type { ImportLineError } from '@raccord/schemas';
import { AppError } from '../../shared/errors';

export const serviceCodeErrors = {
  notFound: () => new AppError('service_code.not_found', 404, 'Code de prestation introuvable.'),
  codeTaken: (code: string) =>
    new AppError('service_code.code_taken', 409, `Le code ${code} existe déjà dans ce catalogue.`, {
      field: 'code',
      code,
    }),
  notOwnCatalogue: () =>
    new AppError(
      'service_code.not_own_catalogue',
      403,
      'Ce code appartient au catalogue d’une autre organisation : seuls ses administrateurs le modifient.',
    ),
  inUse: (code: string, contracts: string[]) =>
    new AppError(
      'service_code.in_use',
      409,
      `Le code ${code} figure dans la table d’alignement d’un contrat : retirez-le de la table d’abord.`,
      { code, contracts },
    ),
  importInvalid: (lines: ImportLineError[]) =>
    new AppError(
      'service_code.import_invalid',
      400,
      `Le fichier contient ${lines.length} erreur(s) : rien n’a été importé.`,
      { lines },
    ),
  contractNotFound: () =>
    new AppError(
      'service_code.contract_not_found',
      404,
      'Contrat introuvable parmi les contrats actifs de votre organisation.',
    ),
  contractNotActive: (state: string) =>
    new AppError(
      'service_code.contract_not_active',
      409,
      'Le contrat n’est pas actif : sa table de codes ne peut plus changer.',
      { state },
    ),
  readOnly: () =>
    new AppError(
      'service_code.read_only',
      403,
      'Seuls le propriétaire et le prestataire du contrat modifient sa table de codes.',
    ),
  unknownCode: (field: 'ownerCode' | 'providerCode', code: string) =>
    new AppError(
      'service_code.unknown_code',
      400,
      `Le code ${code} n’existe pas dans le catalogue ${field === 'ownerCode' ? 'du propriétaire' : 'du prestataire'} pour ce métier.`,
      { field, code },
    ),
  invalidPair: () =>
    new AppError(
      'service_code.invalid_pair',
      400,
      'Une correspondance « aucune » n’a pas de code prestataire ; toute autre relation en demande un.',
      { field: 'providerCode' },
    ),
  pairNotFound: () => new AppError('service_code.pair_not_found', 404, 'Correspondance introuvable dans cette table.'),
  pairExists: (ownerCode: string, providerCode: string | null) =>
    new AppError('service_code.pair_exists', 409, 'Cette correspondance figure déjà dans la table.', {
      ownerCode,
      providerCode,
    }),
  ownProposal: () =>
    new AppError('service_code.own_proposal', 409, 'C’est votre proposition : l’autre partie l’accepte ou la refuse.'),
  pairNotPending: (status: string) =>
    new AppError('service_code.pair_not_pending', 409, 'Cette correspondance n’attend pas de réponse.', { status }),
  staleVersion: (current: number) =>
    new AppError(
      'service_code.stale_version',
      409,
      'La table a changé depuis votre lecture : rechargez-la et recommencez.',
      { currentVersion: current },
    ),
  locked: () =>
    new AppError(
      'service_code.locked',
      409,
      'La table est transmise au service client : elle ne change plus avant son intégration ou son renvoi.',
    ),
  notAligned: (details: { pending: number; uncovered: string[]; empty: boolean }) =>
    new AppError(
      'service_code.not_aligned',
      409,
      'Toutes les correspondances doivent être acceptées et tous les codes du propriétaire traités avant la transmission.',
      details,
    ),
  notSubmitted: (state: string) =>
    new AppError('service_code.not_submitted', 409, 'Cette table n’est pas transmise au service client.', { state }),
  operatorOnly: () =>
    new AppError('service_code.operator_only', 403, 'Seul le service client intègre les codes dans un contrat.'),
};
