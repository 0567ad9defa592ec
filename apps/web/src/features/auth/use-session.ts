import type { SessionResponse } from '@raccord/schemas';
import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { setCsrfToken } from '../../lib/api-client';
import { fetchSession } from './auth.api';

export const sessionQueryKey = ['session'] as const;

/** Stores a session (or its end) in the cache and hands its CSRF token to the API client. */
export function storeSession(queryClient: QueryClient, session: SessionResponse | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(sessionQueryKey, session);
}

export function useSessionQuery() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async () => {
      const session = await fetchSession();
      setCsrfToken(session?.csrfToken ?? null);
      return session;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const SessionContext = createContext<SessionResponse | null>(null);

/** The signed-in session; only usable below the signed-in shell. */
export function useSession(): SessionResponse {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() used outside the signed-in shell');
  return session;
}
