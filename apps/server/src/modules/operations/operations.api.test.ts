import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, orgId, ownerSteps } from '../../test/contracts.fixtures';
import { aLog, apiKey, type Caller, type LogTargets, logTargets, send } from '../../test/operations.fixtures';
import { liftRegions } from '../../test/sync.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';

/**
 * Every endpoint of operations and connector activation × every kind of caller, on a tripartite
 * contract (Habitat Demo, Ascenseurs Demo, Gestion Demo as third party).
 */
let ctx: TestContext;
let contractId: string;
let t: LogTargets;
let thirdReference: string;
const callers: Record<string, Caller> = {};
let providerOp: string;
let thirdOp: string;

async function tripartiteContract(owner: Session, provider: Session, third: Session): Promise<string> {
  const p = await ownerSteps(ctx, owner, {
    reference: 'HAB-OPS-1',
    provider: await orgId(ctx, 'Ascenseurs Demo'),
    third: await orgId(ctx, 'Gestion Demo'),
    perimeter: await liftRegions(ctx),
  });
  const notified = await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/notify`, {
    version: p.version,
    invitees: [
      { role: 'provider', email: 'admin@ascenseurs-demo.fr' },
      { role: 'thirdParty', email: 'admin@gestion-demo.fr' },
    ],
  });
  const a = await call(ctx, provider, 'POST', `/api/contract-projects/${p.id}/submit`, {
    version: notified.body.version,
    reference: 'ASC-OPS-1',
  });
  const b = await call(ctx, third, 'POST', `/api/contract-projects/${p.id}/submit`, {
    version: a.body.version,
    reference: 'GES-OPS-1',
  });
  if (b.status !== 200) throw new Error(`third submit: ${b.status} ${JSON.stringify(b.body)}`);
  const v = await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/validate`, {});
  if (v.status !== 202) throw new Error(`validate: ${v.status}`);
  await ctx.runner.drain();
  return p.id;
}

beforeAll(async () => {
  ctx = await createTestContext({ patrimoine: true, env: { LOGIN_MIN_DELAY_MS: '0' } });
  const [owner, provider, other, thermique, gestion] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
    ctx.login('admin@logis-test.fr'),
    ctx.login('admin@thermique-demo.fr'),
    ctx.login('admin@gestion-demo.fr'),
  ]);
  contractId = await tripartiteContract(owner, provider, gestion);
  t = await logTargets(ctx, contractId);
  thirdReference = 'GES-OPS-1';
  Object.assign(callers, {
    owner,
    otherOwner: other,
    providerSession: provider,
    providerKey: await apiKey(ctx, provider, 'GMAO'),
    providerNotParty: await apiKey(ctx, thermique, 'Thermique'),
    thirdParty: gestion,
    revokedKey: await apiKey(ctx, provider, 'Ancienne', true),
    none: null,
  });
  const sent = await send<{ results: Array<{ operationId?: string }> }>(
    ctx,
    callers.providerKey ?? null,
    'POST',
    '/api/operations/logs',
    aLog(t, { reference: 'OP-PROVIDER' }),
  );
  providerOp = String(sent.body.results[0]?.operationId);
  const third = await send<{ results: Array<{ operationId?: string }> }>(
    ctx,
    gestion,
    'POST',
    '/api/operations/logs',
    aLog(t, { reference: 'OP-THIRD', contractReference: thirdReference }),
  );
  thirdOp = String(third.body.results[0]?.operationId);
}, 120_000);
afterAll(() => ctx.close());

const who = (name: string) => callers[name] ?? null;

describe('access matrix', () => {
  it('setup: the provider and the third party each sent an operation', () => {
    expect(providerOp).toMatch(/^op_/);
    expect(thirdOp).toMatch(/^op_/);
  });

  // POST /operations/logs with the provider's contract reference: only the provider's org resolves it.
  const ingest: Record<string, number | string> = {
    owner: 'operation.contract_not_found',
    otherOwner: 'operation.contract_not_found',
    providerSession: 'accepted',
    providerKey: 'accepted',
    providerNotParty: 'operation.contract_not_found',
    thirdParty: 'operation.contract_not_found',
    revokedKey: 401,
    none: 401,
  };
  it.each(Object.keys(ingest))('POST /operations/logs by %s', async (name) => {
    const res = await send<{ results: Array<{ status: string; code?: string }> }>(
      ctx,
      who(name),
      'POST',
      '/api/operations/logs',
      aLog(t),
    );
    const outcome = res.status === 200 ? (res.body.results[0]?.code ?? res.body.results[0]?.status) : res.status;
    expect(outcome).toBe(ingest[name]);
  });

  const csv = () =>
    `reference;status;event;eventDate;serviceCode;location.assetReference;workType\nCSV-${Math.random()};open;requested;2026-03-01;VE;${t.shared[0]};corrective\n`;
  const upload: Record<string, number> = {
    owner: 403,
    otherOwner: 404,
    providerSession: 200,
    providerKey: 200,
    providerNotParty: 404,
    thirdParty: 200,
    revokedKey: 401,
    none: 401,
  };
  it.each(Object.keys(upload))('POST /contracts/{id}/operations/csv by %s', async (name) => {
    const res = await send(ctx, who(name), 'POST', `/api/contracts/${contractId}/operations/csv`, csv(), 'text/csv');
    expect(res.status).toBe(upload[name]);
  });

  const reads: Record<string, number> = {
    owner: 200,
    otherOwner: 404,
    providerSession: 200,
    providerKey: 200,
    providerNotParty: 404,
    thirdParty: 200,
    revokedKey: 401,
    none: 401,
  };
  it.each(Object.keys(reads))('GET list, connector and detail by %s', async (name) => {
    for (const path of ['operations', 'connector']) {
      const res = await send(ctx, who(name), 'GET', `/api/contracts/${contractId}/${path}`);
      expect([path, res.status]).toEqual([path, reads[name]]);
    }
    const detail = await send(ctx, who(name), 'GET', `/api/contracts/${contractId}/operations/${providerOp}`);
    const expected = name === 'thirdParty' ? 404 : reads[name];
    expect(detail.status).toBe(expected);
  });

  it('owners see every operation; the provider and the third party only those they sent', async () => {
    const refs = async (name: string) => {
      const res = await send<{ items: Array<{ reference: string }> }>(
        ctx,
        who(name),
        'GET',
        `/api/contracts/${contractId}/operations?limit=200`,
      );
      return new Set(res.body.items.map((i) => i.reference));
    };
    const [owner, provider, third] = [await refs('owner'), await refs('providerKey'), await refs('thirdParty')];
    expect(owner.has('OP-PROVIDER') && owner.has('OP-THIRD')).toBe(true);
    expect(provider.has('OP-PROVIDER') && !provider.has('OP-THIRD')).toBe(true);
    expect(third.has('OP-THIRD') && !third.has('OP-PROVIDER')).toBe(true);
    const thirdDetail = await send(
      ctx,
      who('providerKey'),
      'GET',
      `/api/contracts/${contractId}/operations/${thirdOp}`,
    );
    expect(thirdDetail.status).toBe(404);
  });

  it('refuses an operation id of another contract through this contract’s URL', async () => {
    const res = await send(ctx, who('owner'), 'GET', `/api/contracts/ctr_autre/operations/${providerOp}`);
    expect(res.status).toBe(404);
  });
});
