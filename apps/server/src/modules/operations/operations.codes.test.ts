import type { Alignment } from '@raccord/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/contracts.fixtures';
import { aLog, apiKey, type Caller, type LogTargets, logTargets, send } from '../../test/operations.fixtures';
import { validatedContract } from '../../test/sync.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';
import { importCatalogue, liftTrade, ownerCsv, providerCsv } from '../service-codes/service-codes.fixtures';

let ctx: TestContext;
let owner: Session;
let provider: Session;
let operator: Session;
let key: Caller;
let contractId: string;
let t: LogTargets;

type Summary = { id: string; serviceCode: string; ownerServiceCode: string | null; serviceCodeStatus: string };

beforeAll(async () => {
  ctx = await createTestContext({ patrimoine: true, env: { LOGIN_MIN_DELAY_MS: '0' } });
  [owner, provider, operator] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
    ctx.login('support@raccord.local'),
  ]);
  const trade = await liftTrade(ctx);
  await importCatalogue(ctx, owner, trade, ownerCsv);
  await importCatalogue(ctx, provider, trade, providerCsv);
  contractId = (await validatedContract(ctx, { owner, provider })).id;
  t = await logTargets(ctx, contractId);
  key = await apiKey(ctx, provider, 'GMAO');
}, 120_000);
afterAll(() => ctx.close());

const url = (path = '') => `/api/contracts/${contractId}/service-codes${path}`;
const ok = <T>(res: { status: number; body: T }, what: string): T => {
  if (res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** Owner maps VE → P902 and DEP → P910, every other owner code to "no match"; provider accepts; operator integrates. */
async function alignAndIntegrate() {
  let a = ok(await call<Alignment>(ctx, owner, 'GET', url()), 'table');
  const wanted: Record<string, string> = { VE: 'P902', DEP: 'P910' };
  for (const ownerCode of a.uncoveredOwnerCodes) {
    const providerCode = wanted[ownerCode];
    const body = providerCode
      ? { expectedVersion: a.version, ownerCode, providerCode, relation: 'equivalent' }
      : { expectedVersion: a.version, ownerCode, providerCode: null, relation: 'no_match' };
    a = ok(await call<Alignment>(ctx, owner, 'POST', url('/pairs'), body), `propose ${ownerCode}`);
  }
  for (const pair of a.pairs) {
    a = ok(
      await call<Alignment>(ctx, provider, 'POST', url(`/pairs/${pair.id}/accept`), { expectedVersion: a.version }),
      'accept',
    );
  }
  a = ok(await call<Alignment>(ctx, provider, 'POST', url('/submit'), { expectedVersion: a.version }), 'submit');
  a = ok(await call<Alignment>(ctx, operator, 'POST', url('/integrate'), { expectedVersion: a.version }), 'integrate');
  expect(a.state).toBe('integrated');
}

const operation = async (id: string) =>
  (await send<Summary>(ctx, owner, 'GET', `/api/contracts/${contractId}/operations/${id}`)).body;

describe('service codes of incoming logs', () => {
  it('stores codes unchecked while the contract has no integrated table', async () => {
    const res = await send<{ results: Array<{ operationId: string }> }>(
      ctx,
      key,
      'POST',
      '/api/operations/logs',
      aLog(t, { serviceCode: 'P902' }),
    );
    const op = await operation(String(res.body.results[0]?.operationId));
    expect(op).toMatchObject({ serviceCode: 'P902', ownerServiceCode: null, serviceCodeStatus: 'unchecked' });
  });

  it('once integrated, gives the owner its own code and flags unknown codes in the activation panel', async () => {
    await alignAndIntegrate();
    const res = await send<{ results: Array<{ status: string; operationId: string }> }>(
      ctx,
      key,
      'POST',
      '/api/operations/logs',
      {
        logs: [
          aLog(t, { serviceCode: 'p910' }),
          aLog(t, { serviceCode: 'ZZ-42' }),
          aLog(t, { serviceCode: 'ZZ-42', reference: 'INT-OTHER' }),
        ],
      },
    );
    expect(res.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const [known, unknown] = await Promise.all(res.body.results.slice(0, 2).map((r) => operation(r.operationId)));
    expect(known).toMatchObject({ serviceCode: 'p910', ownerServiceCode: 'DEP', serviceCodeStatus: 'known' });
    expect(unknown).toMatchObject({ serviceCode: 'ZZ-42', ownerServiceCode: null, serviceCodeStatus: 'unknown' });
    const detail = await send<{ logs: Array<{ ownerServiceCode: string | null; serviceCodeStatus: string }> }>(
      ctx,
      owner,
      'GET',
      `/api/contracts/${contractId}/operations/${res.body.results[0]?.operationId}`,
    );
    expect(detail.body.logs[0]).toMatchObject({ ownerServiceCode: 'DEP', serviceCodeStatus: 'known' });
    const connector = await send<{ unknownServiceCodes: unknown[] }>(
      ctx,
      owner,
      'GET',
      `/api/contracts/${contractId}/connector`,
    );
    expect(connector.body.unknownServiceCodes).toEqual([{ code: 'ZZ-42', count: 2 }]);
  });

  it('counts an unknown code once when its log is resent', async () => {
    const log = aLog(t, { serviceCode: 'ZZ-42' });
    await send(ctx, key, 'POST', '/api/operations/logs', log);
    const again = await send<{ duplicates: number }>(ctx, key, 'POST', '/api/operations/logs', log);
    expect(again.body.duplicates).toBe(1);
    const connector = await send<{ unknownServiceCodes: unknown[] }>(
      ctx,
      owner,
      'GET',
      `/api/contracts/${contractId}/connector`,
    );
    expect(connector.body.unknownServiceCodes).toEqual([{ code: 'ZZ-42', count: 3 }]);
  });
});
