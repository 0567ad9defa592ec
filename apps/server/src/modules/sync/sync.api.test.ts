import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/contracts.fixtures';
import { materialisedIds, validatedContract } from '../../test/sync.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';

let ctx: TestContext;
let owner: Session;
let provider: Session;
let contractId: string;
type Caller = { headers: Record<string, string> } | null;
const callers: Record<string, Caller> = {};

async function apiKey(session: Session, name: string, revoke = false): Promise<Caller> {
  const res = await call<{ id: string; secret: string }>(ctx, session, 'POST', '/api/api-keys', { name });
  if (res.status !== 201) throw new Error(`api key: ${res.status}`);
  if (revoke) await call(ctx, session, 'POST', `/api/api-keys/${res.body.id}/revoke`, {});
  return { headers: { authorization: `Bearer ${res.body.secret}` } };
}

async function as(who: Caller, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await ctx.app.inject({
    method,
    url,
    headers: who?.headers ?? {},
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
  return { status: res.statusCode, body: res.body ? (res.json() as Record<string, unknown>) : {} };
}

beforeAll(async () => {
  ctx = await createTestContext({ patrimoine: true, env: { LOGIN_MIN_DELAY_MS: '0' } });
  const [o, p, other, thermique, gestion] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
    ctx.login('admin@logis-test.fr'),
    ctx.login('admin@thermique-demo.fr'),
    ctx.login('admin@gestion-demo.fr'),
  ]);
  owner = o;
  provider = p;
  contractId = (await validatedContract(ctx, { owner, provider })).id;
  Object.assign(callers, {
    owner,
    otherOwner: other,
    providerParty: await apiKey(provider, 'Connecteur GMAO'),
    providerNotParty: await apiKey(thermique, 'Connecteur Thermique'),
    thirdParty: gestion,
    revokedKey: await apiKey(provider, 'Ancienne clé', true),
    none: null,
  });
}, 120_000);
afterAll(() => ctx.close());

describe('access matrix', () => {
  const reads = ['sync', 'assets', 'changes'];
  const expected: Record<string, number> = {
    owner: 200,
    otherOwner: 404,
    providerParty: 200,
    providerNotParty: 404,
    thirdParty: 404,
    revokedKey: 401,
    none: 401,
  };
  it.each(Object.keys(expected))('reads by %s', async (who) => {
    for (const what of reads) {
      const res = await as(callers[who] ?? null, 'GET', `/api/contracts/${contractId}/${what}`);
      expect([what, res.status]).toEqual([what, expected[who]]);
    }
  });

  const writes: Record<string, number> = {
    otherOwner: 404,
    providerParty: 403,
    providerNotParty: 403,
    thirdParty: 404,
    revokedKey: 401,
    none: 401,
  };
  it.each(Object.keys(writes))('suspend, resume and terminate refused to %s', async (who) => {
    for (const verb of ['suspend', 'resume', 'terminate']) {
      const res = await as(callers[who] ?? null, 'POST', `/api/contracts/${contractId}/${verb}`, { reason: 'Essai' });
      expect([verb, res.status]).toEqual([verb, writes[who]]);
    }
    expect((await call<{ state: string }>(ctx, owner, 'GET', `/api/contracts/${contractId}/sync`)).body.state).toBe(
      'done',
    );
  });

  it('refuses the provider’s own session on owner-only actions', async () => {
    const res = await as(provider, 'POST', `/api/contracts/${contractId}/suspend`, { reason: 'Essai' });
    expect(res.status).toBe(403);
  });
});

describe('what the provider pulls', () => {
  it('pages through exactly the shared set, and streams it whole as NDJSON', async () => {
    const key = callers.providerParty ?? null;
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const q: string = after ? `&after=${after}` : '';
      const res = await as(key, 'GET', `/api/contracts/${contractId}/assets?limit=7${q}`);
      expect(res.status).toBe(200);
      const items = res.body.items as Array<{ id: string; reference: string; type: string }>;
      for (const i of items) expect(i.type).toBe('equipment.lift');
      ids.push(...items.map((i) => i.id));
      after = res.body.next as string | null;
    } while (after);
    expect(ids).toEqual(await materialisedIds(ctx, contractId));
    const stream = await ctx.app.inject({
      method: 'GET',
      url: `/api/contracts/${contractId}/assets`,
      headers: { ...key?.headers, accept: 'application/x-ndjson' },
    });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toContain('application/x-ndjson');
    const lines = stream.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; reference: string });
    expect(lines.map((l) => l.id)).toEqual(ids);
    expect(lines[0]?.reference).toMatch(/^HD-/);
  });

  it('refuses a malformed cursor', async () => {
    const res = await as(callers.providerParty ?? null, 'GET', `/api/contracts/${contractId}/changes?after=abc`);
    expect(res.status).toBe(400);
  });
});

describe('suspension and termination', () => {
  it('suspending stops the provider’s access, resuming restores it, both parties are told', async () => {
    const key = callers.providerParty ?? null;
    const before = ctx.mail.sent.length;
    const suspended = await as(owner, 'POST', `/api/contracts/${contractId}/suspend`, { reason: 'Audit en cours' });
    expect(suspended.status).toBe(200);
    expect(suspended.body.state).toBe('suspended');
    expect((await as(key, 'GET', `/api/contracts/${contractId}/assets`)).body).toMatchObject({
      error: { code: 'sync.contract_suspended' },
    });
    expect((await as(owner, 'GET', `/api/contracts/${contractId}/assets`)).status).toBe(200);
    expect((await as(owner, 'POST', `/api/contracts/${contractId}/suspend`, { reason: 'Encore' })).status).toBe(409);
    await ctx.runner.drain();
    const told = ctx.mail.sent.slice(before).map((m) => m.to);
    expect(told).toEqual(expect.arrayContaining(['admin@habitat-demo.fr', 'admin@ascenseurs-demo.fr']));
    expect((await as(owner, 'POST', `/api/contracts/${contractId}/resume`, { reason: 'Audit terminé' })).status).toBe(
      200,
    );
    expect((await as(key, 'GET', `/api/contracts/${contractId}/assets`)).status).toBe(200);
  });

  it('terminating writes a final "removed" entry per shared element and empties the set', async () => {
    const key = callers.providerParty ?? null;
    const shared = await materialisedIds(ctx, contractId);
    const start = (await as(key, 'GET', `/api/contracts/${contractId}/sync`)).body.feedCursor as string;
    const res = await as(owner, 'POST', `/api/contracts/${contractId}/terminate`, { reason: 'Fin du marché' });
    expect(res.status).toBe(200);
    expect((await as(key, 'GET', `/api/contracts/${contractId}/assets`)).status).toBe(409);
    const feed = await as(key, 'GET', `/api/contracts/${contractId}/changes?after=${start}&limit=1000`);
    expect(feed.status).toBe(200);
    const items = feed.body.items as Array<{ kind: string; asset: { id: string } }>;
    expect(items.every((i) => i.kind === 'removed')).toBe(true);
    expect(items.map((i) => i.asset.id).sort()).toEqual(shared);
    expect(await materialisedIds(ctx, contractId)).toEqual([]);
    expect((await as(owner, 'POST', `/api/contracts/${contractId}/resume`, { reason: 'Non' })).status).toBe(409);
  });
});
