import { AppError } from '../../shared/errors';

export const organizationErrors = {
  notFound: () => new AppError('organization.not_found', 404, 'Organisation introuvable.'),
  sirenTaken: (siren: string, name: string) =>
    new AppError('organization.siren_taken', 409, `Le SIREN ${siren} est déjà celui de « ${name} ».`, {
      field: 'siren',
      siren,
    }),
  userNotFound: () => new AppError('user.not_found', 404, 'Utilisateur introuvable.'),
  emailTaken: (email: string) =>
    new AppError('user.email_taken', 409, `Un compte existe déjà pour ${email}.`, { field: 'email' }),
  lastAdmin: () =>
    new AppError('user.last_admin', 409, 'L’organisation doit garder au moins un administrateur actif.', {
      field: 'role',
    }),
};
