import type { LoginBody } from '@raccord/schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { changeLocale, storedLocale } from '../../i18n';
import { login, logout } from './auth.api';
import { storeSession } from './use-session';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => login(body),
    onSuccess: async (session) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      storeSession(queryClient, session);
      // The device's own choice wins; a user who never chose here gets the language of their profile.
      if (storedLocale() === null) await changeLocale(session.user.locale, false);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    // Even if the server could not be reached, the console forgets the session.
    onSettled: async () => {
      storeSession(queryClient, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      await navigate('/connexion', { replace: true });
    },
  });
}
