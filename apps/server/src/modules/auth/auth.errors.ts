import { AppError } from '../../shared/errors';

export const authErrors = {
  invalidCredentials: () => new AppError('auth.invalid_credentials', 401, 'Adresse e-mail ou mot de passe incorrect.'),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError(
      'auth.rate_limited',
      429,
      `Trop de tentatives de connexion. Réessayez dans ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      { retryAfterSeconds },
    ),
  csrfInvalid: () =>
    new AppError('auth.csrf_invalid', 403, 'Jeton anti-CSRF manquant ou invalide : rechargez la page.'),
  wrongPassword: () =>
    new AppError('auth.wrong_password', 400, 'Le mot de passe actuel est incorrect.', { field: 'currentPassword' }),
};
