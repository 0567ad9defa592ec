import type { LoginBody, SessionResponse } from '@raccord/schemas';
import { okSchema, sessionResponse } from '@raccord/schemas';
import { ApiError, api } from '../../lib/api-client';

/** The current session, or null when signed out (the probe never redirects). */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    return await api.get('/api/auth/session', sessionResponse, { skipAuthRedirect: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function login(body: LoginBody): Promise<SessionResponse> {
  return api.post('/api/auth/login', body, sessionResponse, { skipAuthRedirect: true });
}

export function logout(): Promise<{ ok: true }> {
  return api.post('/api/auth/logout', undefined, okSchema, { skipAuthRedirect: true });
}
