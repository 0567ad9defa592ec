import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from './api-client';

interface Call {
  url: string;
  init: RequestInit;
}

/** The network is the outside world: answer every fetch with one canned response. */
function answer(status: number, body: unknown): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  });
  return calls;
}

const errorBody = (code: string) => ({
  error: { code, message: 'Message du serveur', details: { field: 'x' }, requestId: 'r1' },
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

describe('api client', () => {
  it('sends the CSRF token on writes only, with same-origin credentials', async () => {
    const calls = answer(200, { ok: true });
    setCsrfToken('tok');
    await api.get('/api/x', z.object({ ok: z.boolean() }), { query: { q: 'a b', page: 2, kind: undefined } });
    await api.post('/api/x', { a: 1 }, z.object({ ok: z.boolean() }));
    const [get, post] = calls;
    expect(get?.url).toBe('/api/x?q=a+b&page=2');
    expect(new Headers(get?.init.headers).get('x-csrf-token')).toBeNull();
    expect(get?.init.credentials).toBe('same-origin');
    expect(new Headers(post?.init.headers).get('x-csrf-token')).toBe('tok');
    expect(new Headers(post?.init.headers).get('content-type')).toBe('application/json');
    expect(post?.init.body).toBe('{"a":1}');
  });

  it('turns an error body into an ApiError with code, status and details', async () => {
    answer(409, errorBody('user.email_taken'));
    const error = await api.post('/api/x', {}, z.unknown()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'user.email_taken', details: { field: 'x' }, requestId: 'r1' });
  });

  it('reports an ended session, but not a wrong password nor the session probe', async () => {
    const ended = vi.fn();
    setUnauthorizedHandler(ended);
    answer(401, errorBody('auth.required'));
    await api.get('/api/organizations', z.unknown()).catch(() => undefined);
    await api.get('/api/auth/session', z.unknown(), { skipAuthRedirect: true }).catch(() => undefined);
    answer(401, errorBody('auth.invalid_credentials'));
    await api.post('/api/me/password', {}, z.unknown()).catch(() => undefined);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('names a network failure and an unexpected answer', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/api/x', z.unknown())).rejects.toMatchObject({ code: 'network.error', status: 0 });
    answer(200, { items: 'not an array' });
    await expect(api.get('/api/x', z.object({ items: z.array(z.string()) }))).rejects.toMatchObject({
      code: 'response.invalid',
    });
  });
});
