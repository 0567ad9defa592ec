import type { ContractProjectDetail } from '@raccord/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, orgId, readyProject } from '../../test/contracts.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';
import { jobHandlers } from '../../worker';
import { JobRunner } from '../jobs/jobs.queue';

let ctx: TestContext;
let owner: Session;
let member: Session;
let provider: Session;
let ascenseurs: string;
let seq = 0;

beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0' } });
  [owner, member, provider] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('membre@habitat-demo.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
  ]);
  ascenseurs = await orgId(ctx, 'Ascenseurs Demo');
});
afterAll(() => ctx.close());

async function ready(): Promise<ContractProjectDetail> {
  seq++;
  return readyProject(
    ctx,
    { owner, provider },
    { reference: `HAB-VAL-${seq}`, providerReference: `ASC-VAL-${seq}`, provider: ascenseurs },
  );
}

async function row(id: string) {
  const r = await ctx.database.pool.query('SELECT * FROM contract_projects WHERE id = $1', [id]);
  return r.rows[0];
}

describe('validation', () => {
  it('refuses a member (not admin) and a provider validating, with nothing changed', async () => {
    const p = await ready();
    const before = await row(p.id);
    const byMember = await call(ctx, member, 'POST', `/api/contract-projects/${p.id}/validate`, {});
    expect(byMember.status).toBe(403);
    expect(byMember.error?.code).toBe('auth.forbidden');
    const byProvider = await call(ctx, provider, 'POST', `/api/contract-projects/${p.id}/validate`, {});
    expect(byProvider.status).toBe(403);
    expect(await row(p.id)).toEqual(before);
    const memberView = await call(ctx, member, 'GET', `/api/contract-projects/${p.id}`);
    expect(memberView.body.permissions.canValidate).toBe(false);
  });

  it('refuses validating a project that is not ready', async () => {
    const created = await call(ctx, owner, 'POST', '/api/contract-projects', { label: 'Pas prêt' });
    const res = await call(ctx, owner, 'POST', `/api/contract-projects/${created.body.id}/validate`, {});
    expect(res.status).toBe(409);
    expect(res.error).toMatchObject({ code: 'contract.not_ready', details: { state: 'draft' } });
  });

  it('activates exactly once for concurrent clicks and two job runners, freezing the terms', async () => {
    const p = await ready();
    const clicks = await Promise.all(
      Array.from({ length: 5 }, () => call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/validate`, {})),
    );
    expect(clicks.filter((c) => c.status === 202)).toHaveLength(1);
    for (const c of clicks.filter((x) => x.status !== 202)) expect(c.error?.code).toBe('contract.not_ready');
    const validating = clicks.find((c) => c.status === 202)?.body;
    expect(validating?.state).toBe('validating');
    expect(validating?.progress.awaiting).toEqual(['platform']);
    const jobs = await ctx.database.pool.query(
      `SELECT count(*)::int AS n FROM jobs WHERE name = 'contracts.activate'
      AND payload->>'projectId' = $1`,
      [p.id],
    );
    expect(jobs.rows[0].n).toBe(1);

    const second = new JobRunner({
      db: ctx.database.db,
      clock: ctx.clock,
      handlers: jobHandlers({
        config: ctx.config,
        db: ctx.database.db,
        engine: ctx.database.engine,
        clock: ctx.clock,
        transport: ctx.mail,
        log: () => {},
      }),
    });
    await Promise.all([ctx.runner.drain(), second.drain()]);
    const active = await call(ctx, owner, 'GET', `/api/contract-projects/${p.id}`);
    expect(active.body.state).toBe('active');
    expect(active.body.states.map((s) => s.state)).toEqual([
      'draft',
      'awaiting_parties',
      'ready_to_validate',
      'validating',
      'active',
    ]);
    expect(active.body.frozenTerms).toMatchObject({
      label: p.label,
      trade: { code: 'ASCENSEURS' },
      sharedTypes: ['equipment.lift'],
      parties: [
        { role: 'owner', reference: p.parties[0]?.reference },
        { role: 'provider', reference: p.parties[1]?.reference },
      ],
    });
    expect(active.body.validation.attempts).toBe(1);
    const audit = await ctx.database.pool.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE target_id = $1 AND action = 'contract.activated'`,
      [p.id],
    );
    expect(audit.rows[0].n).toBe(1);

    const contracts = await call<{ items: Array<{ id: string }> }>(ctx, provider, 'GET', '/api/contracts?status=actif');
    expect(contracts.body.items.map((i) => i.id)).toContain(p.id);
    const toConnect = await call<{ items: Array<{ id: string }> }>(ctx, owner, 'GET', '/api/contract-projects');
    expect(toConnect.body.items.map((i) => i.id)).not.toContain(p.id);

    const edit = await call(ctx, owner, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: active.body.version,
      label: 'Après coup',
    });
    expect(edit.error?.code).toBe('contract.not_editable');
    const cancel = await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/cancel`, { reason: 'Trop tard' });
    expect(cancel.error?.code).toBe('contract.not_cancellable');
    const again = await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/validate`, {});
    expect(again.error?.code).toBe('contract.not_ready');
  });

  it('retries a failing activation, shows the error on the project, then activates', async () => {
    const p = await ready();
    await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/validate`, {});
    const saved = (await row(p.id)).perimeter;
    // A broken perimeter (as if an element vanished) makes the activation fail.
    await ctx.database.pool.query('UPDATE contract_projects SET perimeter = NULL WHERE id = $1', [p.id]);
    await ctx.runner.drain();
    const failed = await call(ctx, owner, 'GET', `/api/contract-projects/${p.id}`);
    expect(failed.body.state).toBe('validating');
    expect(failed.body.validation).toMatchObject({ attempts: 1 });
    expect(failed.body.validation.lastError).toContain('Périmètre');
    await ctx.database.pool.query('UPDATE contract_projects SET perimeter = $2 WHERE id = $1', [
      p.id,
      JSON.stringify(saved),
    ]);
    ctx.clock.advance(5_000);
    await ctx.runner.drain();
    const active = await call(ctx, owner, 'GET', `/api/contract-projects/${p.id}`);
    expect(active.body.state).toBe('active');
    expect(active.body.validation).toEqual({ attempts: 2, lastError: null });
  });

  it('gives up after the last attempt: back before validation, with the error shown', async () => {
    const p = await ready();
    await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/validate`, {});
    await ctx.database.pool.query(`UPDATE contract_projects SET shared_types = '[]' WHERE id = $1`, [p.id]);
    for (let i = 0; i < 6; i++) {
      await ctx.runner.drain();
      ctx.clock.advance(11 * 60_000);
    }
    owner = await ctx.login('admin@habitat-demo.fr');
    const back = await call(ctx, owner, 'GET', `/api/contract-projects/${p.id}`);
    // Back to ready_to_validate, then (the shared types being gone) to awaiting the owner's step 6.
    expect(back.body.states.slice(-3).map((s) => s.state)).toEqual([
      'validating',
      'ready_to_validate',
      'awaiting_parties',
    ]);
    expect(back.body.state).toBe('awaiting_parties');
    expect(back.body.progress.awaiting).toEqual(['owner']);
    expect(back.body.validation.attempts).toBe(5);
    expect(back.body.validation.lastError).toContain('type');
    expect(back.body.audit.map((a) => a.action)).toContain('contract.validation_failed');
    member = await ctx.login('membre@habitat-demo.fr');
    provider = await ctx.login('admin@ascenseurs-demo.fr');
  });

  it('cancels during validation: the job leaves the project alone', async () => {
    const p = await ready();
    await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/validate`, {});
    const cancelled = await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/cancel`, { reason: 'Abandon' });
    expect(cancelled.body.state).toBe('cancelled');
    await ctx.runner.drain();
    expect((await row(p.id)).state).toBe('cancelled');
  });

  it('freezes the elements named by the perimeter of an active contract, and counts the shared types', async () => {
    const site = await call<{ id: string }>(ctx, owner, 'POST', '/api/assets', {
      reference: 'SITE-GEL-1',
      label: 'Résidence des Tilleuls',
      kind: 'site',
      communeCode: '69123',
    });
    expect(site.status).toBe(201);
    const building = await call<{ id: string }>(ctx, owner, 'POST', '/api/assets', {
      reference: 'BAT-GEL-1',
      label: 'Bâtiment A',
      kind: 'building',
      parentId: site.body.id,
    });
    const lift = await call<{ id: string }>(ctx, owner, 'POST', '/api/assets', {
      reference: 'ASC-GEL-1',
      label: 'Ascenseur A',
      kind: 'equipment',
      equipmentKind: 'lift',
      parentId: building.body.id,
    });
    expect(lift.status).toBe(201);
    const p = await ready();
    const patched = await call(ctx, owner, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: p.version,
      perimeter: { include: [{ kind: 'asset', id: site.body.id }], exclude: [] },
      sharedTypes: ['equipment.lift', 'building'],
    });
    expect(patched.status).toBe(200);
    await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/validate`, {});
    await ctx.runner.drain();
    const active = await call(ctx, owner, 'GET', `/api/contract-projects/${p.id}`);
    expect(active.body.state).toBe('active');
    expect(active.body.frozenTerms?.counts).toEqual({ 'equipment.lift': 1, building: 1 });
    const del = await ctx.app.inject({ method: 'DELETE', url: `/api/assets/${site.body.id}`, headers: owner.headers });
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('asset.frozen');
  });

  it('refuses a perimeter naming an element that is not the owner’s', async () => {
    const p = await ready();
    const res = await call(ctx, owner, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: p.version,
      perimeter: { include: [{ kind: 'asset', id: 'ast_nope' }], exclude: [] },
    });
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe('perimeter.unknown_node');
    expect((await row(p.id)).version).toBe(p.version);
  });
});
