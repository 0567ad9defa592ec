import type { ServiceCode } from '@raccord/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/contracts.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';
import { apiKey, as, codesSnapshot, importCatalogue, liftTrade, ownerCsv, providerCsv } from './service-codes.fixtures';

let ctx: TestContext;
let owner: Session;
let member: Session;
let provider: Session;
let trade: string;

beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0' } });
  [owner, member, provider] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('membre@habitat-demo.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
  ]);
  trade = await liftTrade(ctx);
  await importCatalogue(ctx, owner, trade, ownerCsv);
  await importCatalogue(ctx, provider, trade, providerCsv);
});
afterAll(() => ctx.close());

const list = (s: Session | null) =>
  call<{ items: ServiceCode[] }>(ctx, s, 'GET', `/api/service-codes?tradeId=${trade}`);

describe('catalogue', () => {
  it('lists only the caller organisation’s codes, to members too', async () => {
    const mine = await list(member);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c) => c.code)).toEqual(['CT', 'DEP', 'DESINC', 'VE']);
    expect(mine.body.items.find((c) => c.code === 'VE')).toMatchObject({
      label: 'Visite d’entretien',
      workType: 'preventive',
      description: 'Visite réglementaire toutes les six semaines',
    });
    const theirs = await list(provider);
    expect(theirs.body.items.map((c) => c.code)).toEqual(['P902', 'P910', 'P920', 'P999']);
    expect((await list(null)).status).toBe(401);
  });

  it('adds, edits and deletes a code (administrators)', async () => {
    const created = await call<ServiceCode>(ctx, owner, 'POST', '/api/service-codes', {
      tradeId: trade,
      code: 'MOD',
      label: 'Modernisation',
    });
    expect(created.status).toBe(201);
    const edited = await call<ServiceCode>(ctx, owner, 'PATCH', `/api/service-codes/${created.body.id}`, {
      label: 'Modernisation de cabine',
      workType: 'corrective',
    });
    expect(edited.body).toMatchObject({ code: 'MOD', label: 'Modernisation de cabine', workType: 'corrective' });
    const deleted = await as(ctx, owner, 'DELETE', `/api/service-codes/${created.body.id}`);
    expect(deleted.status).toBe(200);
    expect((await list(owner)).body.items.map((c) => c.code)).not.toContain('MOD');
  });

  it('refuses a code already in the catalogue, whatever its case, with nothing changed', async () => {
    const before = await codesSnapshot(ctx);
    const res = await call(ctx, owner, 'POST', '/api/service-codes', { tradeId: trade, code: 've', label: 'Autre' });
    expect(res.status).toBe(409);
    expect(res.error).toMatchObject({ code: 'service_code.code_taken', details: { field: 'code' } });
    const dep = (await list(owner)).body.items.find((c) => c.code === 'DEP');
    const renamed = await call(ctx, owner, 'PATCH', `/api/service-codes/${dep?.id}`, { code: 'Ve' });
    expect(renamed.error?.code).toBe('service_code.code_taken');
    expect(await codesSnapshot(ctx)).toEqual(before);
  });

  it('refuses a party editing or deleting the other organisation’s codes, and members writing', async () => {
    const before = await codesSnapshot(ctx);
    const theirs = (await list(provider)).body.items[0];
    const patched = await call(ctx, owner, 'PATCH', `/api/service-codes/${theirs?.id}`, { label: 'Piraté' });
    expect(patched.status).toBe(403);
    expect(patched.error?.code).toBe('service_code.not_own_catalogue');
    const deleted = await as(ctx, owner, 'DELETE', `/api/service-codes/${theirs?.id}`);
    expect(deleted.code).toBe('service_code.not_own_catalogue');
    const byMember = await call(ctx, member, 'POST', '/api/service-codes', { tradeId: trade, code: 'X1', label: 'x' });
    expect(byMember.status).toBe(403);
    expect(byMember.error?.code).toBe('auth.forbidden');
    expect(await codesSnapshot(ctx)).toEqual(before);
  });

  it('imports all or nothing: every bad line reported with its number, nothing written', async () => {
    const before = await codesSnapshot(ctx);
    const res = await call(ctx, owner, 'POST', '/api/service-codes/import', {
      tradeId: trade,
      csv: 'code;libellé\nNEW1;Nouveau\n;Sans code\nNEW1;Encore\nVE;',
    });
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe('service_code.import_invalid');
    expect(res.error?.details.lines).toEqual([
      { line: 3, field: 'code', reason: 'missing' },
      { line: 4, field: 'code', reason: 'duplicate', value: 'NEW1' },
      { line: 5, field: 'label', reason: 'missing' },
    ]);
    expect(await codesSnapshot(ctx)).toEqual(before);
  });

  it('updates existing codes on re-import, adds new ones, keeps the others; export round-trips', async () => {
    const res = await importCatalogue(
      ctx,
      owner,
      trade,
      'code,label\nve,Visite d’entretien périodique\nREP,Réparation',
    );
    expect(res).toEqual({ created: 1, updated: 1 });
    const items = (await list(owner)).body.items;
    expect(items.map((c) => c.code)).toEqual(['CT', 'DEP', 'DESINC', 'REP', 'VE']);
    expect(items.find((c) => c.code === 'VE')).toMatchObject({
      label: 'Visite d’entretien périodique',
      workType: 'preventive', // no work-type column in the file: kept
    });
    const exported = await as(ctx, owner, 'GET', `/api/service-codes/export.csv?tradeId=${trade}`);
    expect(exported.status).toBe(200);
    expect(exported.raw.split('\r\n')[0]).toBe('\uFEFFcode;libellé;type de travaux;description');
    expect(await importCatalogue(ctx, owner, trade, exported.raw)).toEqual({ created: 0, updated: 5 });
  });

  it('lets an API key manage its own organisation’s catalogue', async () => {
    const key = await apiKey(ctx, provider, 'GMAO');
    const created = await as<ServiceCode>(ctx, key, 'POST', '/api/service-codes', {
      tradeId: trade,
      code: 'P930',
      label: 'Remise en service',
    });
    expect(created.status).toBe(201);
    expect(created.body.organizationId).toBe(provider.organizationId);
    const listed = await as<{ items: ServiceCode[] }>(ctx, key, 'GET', `/api/service-codes?tradeId=${trade}`);
    expect(listed.body.items.map((c) => c.code)).toContain('P930');
  });

  it('refuses an unknown métier', async () => {
    const res = await call(ctx, owner, 'POST', '/api/service-codes', { tradeId: 'trd_nope', code: 'Z', label: 'z' });
    expect(res.status).toBe(404);
    expect(res.error?.code).toBe('trade.not_found');
  });
});
