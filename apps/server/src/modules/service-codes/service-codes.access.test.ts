import type { Alignment } from '@raccord/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/contracts.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';
import {
  activeContract,
  apiKey,
  as,
  codesSnapshot,
  importCatalogue,
  liftTrade,
  ownerCsv,
  providerCsv,
} from './service-codes.fixtures';

let ctx: TestContext;
let owner: Session;
let member: Session;
let provider: Session;

beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0' } });
  [owner, member, provider] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('membre@habitat-demo.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
  ]);
  const trade = await liftTrade(ctx);
  await importCatalogue(ctx, owner, trade, ownerCsv);
  await importCatalogue(ctx, provider, trade, providerCsv);
}, 120_000);
afterAll(() => ctx.close());

describe('who writes a contract’s table', () => {
  it('lets a party’s API key propose and answer, as the console does', async () => {
    const { id } = await activeContract(ctx, { owner, provider });
    const key = await apiKey(ctx, provider, 'GMAO');
    const proposed = await as<Alignment>(ctx, key, 'POST', `/api/contracts/${id}/service-codes/pairs`, {
      expectedVersion: 1,
      ownerCode: 'VE',
      providerCode: 'P902',
      relation: 'equivalent',
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body.pairs[0]?.proposedBy).toBe('provider');
    const pairId = proposed.body.pairs[0]?.id;
    const accepted = await call<Alignment>(
      ctx,
      owner,
      'POST',
      `/api/contracts/${id}/service-codes/pairs/${pairId}/accept`,
      {
        expectedVersion: 2,
      },
    );
    expect(accepted.body.pairs[0]?.status).toBe('accepted');
  });

  it('lets members read the table but not change it', async () => {
    const { id } = await activeContract(ctx, { owner, provider });
    const read = await call<Alignment>(ctx, member, 'GET', `/api/contracts/${id}/service-codes`);
    expect(read.status).toBe(200);
    expect(read.body.permissions.canEdit).toBe(false);
    const before = await codesSnapshot(ctx);
    const res = await call(ctx, member, 'POST', `/api/contracts/${id}/service-codes/pairs`, {
      expectedVersion: 1,
      ownerCode: 'VE',
      providerCode: 'P902',
      relation: 'equivalent',
    });
    expect(res.status).toBe(403);
    expect(res.error?.code).toBe('auth.forbidden');
    expect(await codesSnapshot(ctx)).toEqual(before);
  });

  it('freezes the table of a suspended contract, still readable', async () => {
    const { id } = await activeContract(ctx, { owner, provider });
    const suspended = await call(ctx, owner, 'POST', `/api/contracts/${id}/suspend`, { reason: 'Marché en révision' });
    expect(suspended.status).toBe(200);
    const before = await codesSnapshot(ctx);
    const res = await call(ctx, provider, 'POST', `/api/contracts/${id}/service-codes/pairs`, {
      expectedVersion: 1,
      ownerCode: 'VE',
      providerCode: 'P902',
      relation: 'equivalent',
    });
    expect(res.status).toBe(409);
    expect(res.error).toMatchObject({ code: 'service_code.contract_not_active', details: { state: 'suspended' } });
    expect(await codesSnapshot(ctx)).toEqual(before);
    const read = await call<Alignment>(ctx, provider, 'GET', `/api/contracts/${id}/service-codes`);
    expect(read.body.permissions.canEdit).toBe(false);
  });

  it('does not show a contract still being set up', async () => {
    const created = await call(ctx, owner, 'POST', '/api/contract-projects', { label: 'Brouillon' });
    const res = await call(ctx, owner, 'GET', `/api/contracts/${created.body.id}/service-codes`);
    expect(res.status).toBe(404);
    expect(res.error?.code).toBe('service_code.contract_not_found');
  });
});
