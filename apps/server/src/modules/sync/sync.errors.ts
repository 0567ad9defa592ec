import { AppError } from '../../shared/errors';

export const syncErrors = {
  contractNotFound: () =>
    new AppError(
      'sync.contract_not_found',
      404,
      'Contrat introuvable parmi les contrats actifs de votre organisation.',
    ),
};
