import type { Locale, SessionResponse } from '@raccord/schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionQueryKey } from '../auth/use-session';
import { changePassword, updateMe } from './account.api';

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (_data, body) => {
      queryClient.setQueryData<SessionResponse | null>(sessionQueryKey, (session) =>
        session ? { ...session, user: { ...session.user, ...body } } : session,
      );
    },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}

export type { Locale };
