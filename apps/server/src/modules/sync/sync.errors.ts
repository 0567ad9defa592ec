import { AppError } from '../../shared/errors';

export const syncErrors = {
  contractNotFound: () =>
    new AppError(
      'sync.contract_not_found',
      404,
      'Contrat introuvable parmi les contrats actifs de votre organisation.',
    ),
};

export const syncStateErrors = {
  suspended: () =>
    new AppError(
      'sync.contract_suspended',
      409,
      'Ce contrat est suspendu : le patrimoine partagé n’est plus accessible.',
    ),
  terminated: () =>
    new AppError(
      'sync.contract_terminated',
      409,
      'Ce contrat est résilié : le patrimoine partagé n’est plus accessible.',
    ),
  notOwnerAdmin: () =>
    new AppError('sync.not_owner_admin', 403, 'Réservé aux administrateurs du propriétaire du contrat.'),
  invalidTransition: (state: string, to: string) =>
    new AppError(
      'sync.invalid_transition',
      409,
      `Un contrat dans l’état « ${state} » ne peut pas passer à « ${to} ».`,
      {
        state,
        to,
      },
    ),
};
