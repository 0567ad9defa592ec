import type { TradeRequest } from '@raccord/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/contracts.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';

let ctx: TestContext;
let owner: Session;
let operator: Session;
let logis: Session;

beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0' } });
  [owner, operator, logis] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('support@raccord.local'),
    ctx.login('admin@logis-test.fr'),
  ]);
});
afterAll(() => ctx.close());

describe('métier requests (step 2)', () => {
  it('sends the request to the service client, who adds the métier and closes it; the requester is told', async () => {
    const created = await call(ctx, owner, 'POST', '/api/contract-projects', { label: 'Toitures' });
    const req = await call<TradeRequest>(ctx, owner, 'POST', '/api/trade-requests', {
      label: 'Couverture / toiture',
      comment: 'Entretien des toitures-terrasses',
      projectId: created.body.id,
    });
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({ status: 'open', organization: { name: 'Habitat Demo' } });
    const toSupport = await ctx.database.pool.query(
      `SELECT subject FROM mail_outbox WHERE to_address = 'support@raccord.local' AND kind = 'trade.requested'`,
    );
    expect(toSupport.rows[0]?.subject).toContain('Couverture / toiture');

    const foreign = await call<{ total: number }>(ctx, logis, 'GET', '/api/trade-requests');
    expect(foreign.body.total).toBe(0);
    const byOwner = await call(ctx, owner, 'POST', `/api/trade-requests/${req.body.id}/close`, { outcome: 'rejected' });
    expect(byOwner.status).toBe(403);

    const list = await call<{ items: TradeRequest[] }>(ctx, operator, 'GET', '/api/trade-requests?status=open');
    expect(list.body.items.map((i) => i.id)).toContain(req.body.id);
    const trade = await call<{ id: string }>(ctx, operator, 'POST', '/api/trades', {
      code: 'TOITURE',
      label: 'Couverture / toiture',
    });
    const closed = await call<TradeRequest>(ctx, operator, 'POST', `/api/trade-requests/${req.body.id}/close`, {
      outcome: 'added',
      tradeId: trade.body.id,
    });
    expect(closed.body).toMatchObject({ status: 'added', tradeId: trade.body.id });
    const twice = await call(ctx, operator, 'POST', `/api/trade-requests/${req.body.id}/close`, {
      outcome: 'rejected',
    });
    expect(twice.error?.code).toBe('trade_request.closed');
    const told = await ctx.database.pool.query(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = 'admin@habitat-demo.fr' AND kind = 'trade.request_closed'`,
    );
    expect(told.rows[0].n).toBe(1);
    const step2 = await call(ctx, owner, 'PATCH', `/api/contract-projects/${created.body.id}`, {
      version: created.body.version,
      tradeId: trade.body.id,
    });
    expect(step2.body.trade?.code).toBe('TOITURE');
  });

  it('documents every contract endpoint in the OpenAPI document', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    for (const p of [
      '/api/contract-projects',
      '/api/contract-projects/{id}',
      '/api/contract-projects/reference-availability',
      '/api/contract-projects/{id}/notify',
      '/api/contract-projects/{id}/remind',
      '/api/contract-projects/{id}/submit',
      '/api/contract-projects/{id}/validate',
      '/api/contract-projects/{id}/cancel',
      '/api/contracts',
      '/api/invitations/{token}',
      '/api/invitations/{token}/account',
      '/api/trade-requests',
      '/api/trade-requests/{id}/close',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
