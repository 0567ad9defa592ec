import { AppError } from '../../shared/errors';

export const webhookErrors = {
  notFound: () => new AppError('webhook.not_found', 404, 'Point de réception (webhook) introuvable.'),
  invalidUrl: (reason: string) =>
    new AppError('webhook.invalid_url', 400, `Adresse du webhook invalide : ${reason}`, { field: 'url' }),
  insecureUrl: (reason: string) =>
    new AppError('webhook.insecure_url', 400, `Adresse du webhook refusée : ${reason}`, { field: 'url' }),
  unknownContract: (ids: string[]) =>
    new AppError(
      'webhook.unknown_contract',
      400,
      `Contrat introuvable parmi ceux dont votre organisation est prestataire ou tiers : ${ids.join(', ')}.`,
      { field: 'contractIds', ids },
    ),
  tooMany: (max: number) =>
    new AppError('webhook.too_many', 409, `Une organisation peut déclarer au plus ${max} webhooks.`, { max }),
};
