import type { ContractProjectDetail } from '@raccord/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, orgId, ownerSteps, tradeId } from '../../test/contracts.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';

let ctx: TestContext;
let owner: Session;
let member: Session;
let provider: Session;
let otherProvider: Session;
let ascenseurs: string;
let gestion: string;

beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0' } });
  [owner, member, provider, otherProvider] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('membre@habitat-demo.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
    ctx.login('admin@thermique-demo.fr'),
  ]);
  ascenseurs = await orgId(ctx, 'Ascenseurs Demo');
  gestion = await orgId(ctx, 'Gestion Demo');
});
afterAll(() => ctx.close());

async function snapshot(id: string) {
  const r = await ctx.database.pool.query(
    `SELECT p.version, p.label, p.state, p.trade_id, p.perimeter, p.shared_types,
            json_agg(json_build_object('role', cp.role, 'org', cp.organization_id, 'ref', cp.reference, 'contacts', cp.contacts) ORDER BY cp.role) AS parties
     FROM contract_projects p JOIN contract_parties cp ON cp.project_id = p.id WHERE p.id = $1 GROUP BY p.id`,
    [id],
  );
  return r.rows[0];
}

describe('creating and saving the steps', () => {
  it('creates a draft from step 1 with the owner as a party, at version 1', async () => {
    const res = await call(ctx, member, 'POST', '/api/contract-projects', {
      label: '  Chauffage collectif  ',
      description: 'Chaufferies des groupes Est',
      tags: [{ key: 'lot', value: '2' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^ctr_/);
    expect(res.body.label).toBe('Chauffage collectif');
    expect(res.body.state).toBe('draft');
    expect(res.body.version).toBe(1);
    expect(res.body.parties.map((p) => [p.role, p.organization.name])).toEqual([['owner', 'Habitat Demo']]);
    expect(res.body.states.map((s) => s.state)).toEqual(['draft']);
    expect(res.body.audit[0]?.action).toBe('contract.created');
    expect(res.body.progress.nextStep).toBe('metier');
  });

  it('refuses unknown fields, an empty label and duplicate tag keys', async () => {
    const unknown = await call(ctx, owner, 'POST', '/api/contract-projects', { label: 'X', ownerId: 'org_x' });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.details.field).toBe('ownerId');
    const empty = await call(ctx, owner, 'POST', '/api/contract-projects', { label: '   ' });
    expect(empty.error?.details.field).toBe('label');
    const dup = await call(ctx, owner, 'POST', '/api/contract-projects', {
      label: 'X',
      tags: [
        { key: 'a', value: '1' },
        { key: 'A', value: '2' },
      ],
    });
    expect(dup.error?.details.field).toBe('tags.1.key');
    const badRef = await call(ctx, owner, 'POST', '/api/contract-projects', { label: 'X', reference: 'A#1' });
    expect(badRef.error?.details.field).toBe('reference');
  });

  it('refuses the provider creating a project', async () => {
    const res = await call(ctx, provider, 'POST', '/api/contract-projects', { label: 'X' });
    expect(res.status).toBe(403);
  });

  it('saves every owner step and tells which steps are done', async () => {
    const p = await ownerSteps(ctx, owner, { reference: 'HAB-ASC-001', provider: ascenseurs, third: gestion });
    expect(p.trade?.code).toBe('ASCENSEURS');
    expect(p.parties.map((x) => x.role)).toEqual(['owner', 'provider', 'thirdParty']);
    expect(p.parties[0]?.reference).toBe('HAB-ASC-001');
    expect(p.progress.stepsDone).toEqual(['informations', 'metier', 'entites', 'perimetre', 'elements']);
    expect(p.progress.nextStep).toBe('references');
    expect(p.version).toBe(2);
    expect(p.permissions).toMatchObject({ ownRole: 'owner', canEditOwnerFields: true, canValidate: false });
  });

  it('refuses the owner itself as provider, a non-provider as provider, an inactive métier', async () => {
    const p = await ownerSteps(ctx, owner, { reference: 'HAB-ASC-002', provider: ascenseurs });
    const self = await call(ctx, owner, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: p.version,
      providerId: owner.organizationId,
    });
    expect(self.error?.code).toBe('contract.duplicate_party');
    const notProvider = await call(ctx, owner, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: p.version,
      providerId: gestion,
    });
    expect(notProvider.error).toMatchObject({ code: 'contract.invalid_party', details: { field: 'providerId' } });
    const sameAsProvider = await call(ctx, owner, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: p.version,
      thirdPartyId: ascenseurs,
    });
    expect(sameAsProvider.error?.code).toBe('contract.duplicate_party');
    await ctx.database.pool.query(`UPDATE trades SET is_active = false WHERE code = 'VMC'`);
    const inactive = await call(ctx, owner, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: p.version,
      tradeId: await tradeId(ctx, 'VMC'),
    });
    expect(inactive.error?.code).toBe('trade.inactive');
    await ctx.database.pool.query(`UPDATE trades SET is_active = true WHERE code = 'VMC'`);
    expect((await snapshot(p.id)).version).toBe(p.version);
  });
});

describe('optimistic concurrency', () => {
  it('refuses a save based on a stale version with 409 and the current data, changing nothing', async () => {
    const p = await ownerSteps(ctx, owner, { reference: 'HAB-STALE-1', provider: ascenseurs });
    const first = await call(ctx, owner, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: p.version,
      label: 'Premier',
    });
    expect(first.status).toBe(200);
    const before = await snapshot(p.id);
    const second = await call(ctx, member, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: p.version,
      label: 'Second',
    });
    expect(second.status).toBe(409);
    expect(second.error?.code).toBe('contract.stale_version');
    const current = second.error?.details.current as ContractProjectDetail;
    expect(current.label).toBe('Premier');
    expect(current.version).toBe(first.body.version);
    expect(await snapshot(p.id)).toEqual(before);
  });
});

describe('field ownership', () => {
  it('lets a party write only its own block, whatever the client sends', async () => {
    const p = await ownerSteps(ctx, owner, { reference: 'HAB-OWN-1', provider: ascenseurs });
    const notified = await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/notify`, {
      version: p.version,
      invitees: [{ role: 'provider', email: 'admin@ascenseurs-demo.fr' }],
    });
    const v = notified.body.version;
    const before = await snapshot(p.id);

    const ownerWritesProvider = await call(ctx, owner, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: v,
      parties: { provider: { reference: 'ASC-FORGED' } },
    });
    expect(ownerWritesProvider.status).toBe(403);
    expect(ownerWritesProvider.error).toMatchObject({
      code: 'contract.field_not_owned',
      details: { field: 'parties.provider' },
    });

    const providerWritesOwner = await call(ctx, provider, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: v,
      parties: { provider: { reference: 'ASC-1' }, owner: { reference: 'HIJACK' } },
    });
    expect(providerWritesOwner.error).toMatchObject({
      code: 'contract.field_not_owned',
      details: { field: 'parties.owner' },
    });

    const providerWritesLabel = await call(ctx, provider, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: v,
      label: 'Renamed by the provider',
    });
    expect(providerWritesLabel.error).toMatchObject({ code: 'contract.field_not_owned', details: { field: 'label' } });
    expect(await snapshot(p.id)).toEqual(before);

    const own = await call(ctx, provider, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: v,
      parties: { provider: { reference: 'ASC-OWN-1', contacts: [{ phone: '04 72 00 00 00' }] } },
    });
    expect(own.status).toBe(200);
    expect(own.body.parties.find((x) => x.role === 'provider')?.reference).toBe('ASC-OWN-1');
    expect(own.body.permissions.ownRole).toBe('provider');
  });

  it('refuses a provider not party to the project, reading or writing it', async () => {
    const p = await ownerSteps(ctx, owner, { reference: 'HAB-NP-1', provider: ascenseurs });
    const read = await call(ctx, otherProvider, 'GET', `/api/contract-projects/${p.id}`);
    expect(read.status).toBe(403);
    expect(read.error?.code).toBe('contract.not_party');
    const write = await call(ctx, otherProvider, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: p.version,
      parties: { provider: { reference: 'X' } },
    });
    expect(write.error?.code).toBe('contract.not_party');
    // Even the named provider does not see a draft before it is notified.
    const early = await call(ctx, provider, 'GET', `/api/contract-projects/${p.id}`);
    expect(early.error?.code).toBe('contract.not_party');
    const list = await call<{ items: Array<{ id: string }> }>(ctx, otherProvider, 'GET', '/api/contract-projects');
    expect(list.body.items.map((i) => i.id)).not.toContain(p.id);
  });
});

describe('references', () => {
  it('checks availability live and names the holder when the user may see it', async () => {
    const p = await ownerSteps(ctx, owner, { reference: 'HAB-AV-1', provider: ascenseurs });
    const taken = await call<{ available: boolean; heldBy: { id: string } | null }>(
      ctx,
      member,
      'GET',
      '/api/contract-projects/reference-availability?reference=hab-av-1',
    );
    expect(taken.body).toMatchObject({ available: false, heldBy: { id: p.id } });
    const self = await call<{ available: boolean }>(
      ctx,
      owner,
      'GET',
      `/api/contract-projects/reference-availability?reference=HAB-AV-1&excludeProjectId=${p.id}`,
    );
    expect(self.body.available).toBe(true);
    const free = await call<{ available: boolean }>(
      ctx,
      owner,
      'GET',
      '/api/contract-projects/reference-availability?reference=HAB-AV-2',
    );
    expect(free.body.available).toBe(true);
    const otherOrg = await call(
      ctx,
      provider,
      'GET',
      '/api/contract-projects/reference-availability?reference=HAB-AV-1',
    );
    expect(otherOrg.body).toMatchObject({ available: true });
  });

  it('refuses a reference held by another live project of the organisation, naming it', async () => {
    const held = await ownerSteps(ctx, owner, { reference: 'HAB-DUP-1', provider: ascenseurs, label: 'Titulaire' });
    const res = await call(ctx, owner, 'POST', '/api/contract-projects', { label: 'Doublon', reference: 'hab-dup-1' });
    expect(res.status).toBe(409);
    expect(res.error).toMatchObject({
      code: 'contract.reference_taken',
      details: { field: 'reference', heldBy: { id: held.id, label: 'Titulaire' } },
    });
    const other = await ownerSteps(ctx, owner, { reference: 'HAB-DUP-2', provider: ascenseurs });
    const patch = await call(ctx, owner, 'PATCH', `/api/contract-projects/${other.id}`, {
      version: other.version,
      label: 'Renommé',
      parties: { owner: { reference: 'HAB-DUP-1' } },
    });
    expect(patch.error).toMatchObject({
      code: 'contract.reference_taken',
      details: { field: 'parties.owner.reference' },
    });
    expect((await snapshot(other.id)).label).not.toBe('Renommé');
  });

  it('frees the references of a cancelled project', async () => {
    const p = await ownerSteps(ctx, owner, { reference: 'HAB-FREE-1', provider: ascenseurs });
    const byMember = await call(ctx, member, 'POST', `/api/contract-projects/${p.id}/cancel`, { reason: 'Erreur' });
    expect(byMember.status).toBe(403);
    const cancelled = await call(ctx, owner, 'POST', `/api/contract-projects/${p.id}/cancel`, { reason: 'Doublon' });
    expect(cancelled.body).toMatchObject({ state: 'cancelled', cancelReason: 'Doublon' });
    const again = await call(ctx, owner, 'POST', '/api/contract-projects', {
      label: 'Reprise',
      reference: 'HAB-FREE-1',
    });
    expect(again.status).toBe(201);
    const edit = await call(ctx, owner, 'PATCH', `/api/contract-projects/${p.id}`, {
      version: cancelled.body.version,
      label: 'Trop tard',
    });
    expect(edit.error?.code).toBe('contract.not_editable');
  });

  it('lets exactly one of 20 simultaneous creations with one reference succeed', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(ctx, i % 2 ? owner : member, 'POST', '/api/contract-projects', {
          label: `Concurrent ${i}`,
          reference: 'HAB-RACE-20',
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.error?.code).toBe('contract.reference_taken');
    const rows = await ctx.database.pool.query(
      `SELECT count(*)::int AS n FROM contract_parties WHERE lower(reference) = 'hab-race-20'`,
    );
    expect(rows.rows[0].n).toBe(1);
    const projects = await ctx.database.pool.query(
      `SELECT count(*)::int AS n FROM contract_projects WHERE label LIKE 'Concurrent %'`,
    );
    expect(projects.rows[0].n).toBe(1);
  });
});

describe('lists', () => {
  it('lists projects to connect with their progress, searchable, and contracts with filters', async () => {
    const p = await ownerSteps(ctx, owner, {
      reference: 'HAB-LIST-1',
      provider: ascenseurs,
      third: gestion,
      label: 'Ascenseurs Villeurbanne Nord',
    });
    const toConnect = await call<{ items: Array<{ id: string; progress: { awaiting: string[] } }>; total: number }>(
      ctx,
      owner,
      'GET',
      '/api/contract-projects?q=villeurbanne%20nord',
    );
    expect(toConnect.body.items.map((i) => i.id)).toEqual([p.id]);
    expect(toConnect.body.items[0]?.progress.awaiting).toEqual(['owner']);
    const byRef = await call<{ items: Array<{ id: string }> }>(ctx, owner, 'GET', '/api/contracts?q=hab-list-1');
    expect(byRef.body.items.map((i) => i.id)).toEqual([p.id]);
    const withThird = await call<{ items: Array<{ id: string }> }>(
      ctx,
      owner,
      'GET',
      `/api/contracts?partyId=${gestion}&status=inactif&sort=label`,
    );
    expect(withThird.body.items.map((i) => i.id)).toContain(p.id);
    const active = await call<{ total: number }>(ctx, owner, 'GET', '/api/contracts?status=actif');
    expect(active.body.total).toBe(0);
    const byTrade = await call<{ items: Array<{ trade: { code: string } | null }> }>(
      ctx,
      owner,
      'GET',
      `/api/contracts?tradeId=${await tradeId(ctx, 'ASCENSEURS')}&pageSize=5&page=1`,
    );
    expect(byTrade.body.items.every((i) => i.trade?.code === 'ASCENSEURS')).toBe(true);
    const logis = await ctx.login('admin@logis-test.fr');
    const foreign = await call<{ total: number }>(ctx, logis, 'GET', '/api/contracts');
    expect(foreign.body.total).toBe(0);
  });
});
