import type { Alignment, Submission, Suggestion, VersionDiff } from '@raccord/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/contracts.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';
import {
  activeContract,
  alignment,
  apiKey,
  as,
  codesSnapshot,
  importCatalogue,
  liftTrade,
  ownerCsv,
  providerCsv,
} from './service-codes.fixtures';
import { resolveServiceCodes } from './service-codes.lookup';

let ctx: TestContext;
let owner: Session;
let provider: Session;
let third: Session;
let operator: Session;
let otherOwner: Session;
let contractId: string;

beforeAll(async () => {
  ctx = await createTestContext({ env: { LOGIN_MIN_DELAY_MS: '0' } });
  [owner, provider, third, operator, otherOwner] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
    ctx.login('admin@gestion-demo.fr'),
    ctx.login('support@raccord.local'),
    ctx.login('admin@logis-test.fr'),
  ]);
  const trade = await liftTrade(ctx);
  await importCatalogue(ctx, owner, trade, ownerCsv);
  await importCatalogue(ctx, provider, trade, providerCsv);
  contractId = (await activeContract(ctx, { owner, provider, third })).id;
}, 120_000);
afterAll(() => ctx.close());

const url = (path = '') => `/api/contracts/${contractId}/service-codes${path}`;
const table = async () => (await alignment(ctx, owner, contractId)).body;
const propose = (s: Session, body: Record<string, unknown>) => call<Alignment>(ctx, s, 'POST', url('/pairs'), body);
const pairOf = (a: Alignment, ownerCode: string) => {
  const p = a.pairs.find((x) => x.ownerCode === ownerCode);
  if (!p) throw new Error(`no pair ${ownerCode}`);
  return p;
};

/** E-mails queued after `before` (the ids of the outbox then): the fake clock gives them all one time. */
async function mailsSince(before: Set<string>) {
  const r = await ctx.database.pool.query('SELECT id, to_address, kind FROM mail_outbox ORDER BY to_address, kind');
  return (r.rows as Array<{ id: string; to_address: string; kind: string }>)
    .filter((m) => !before.has(m.id))
    .map(({ to_address, kind }) => ({ to_address, kind }));
}
const mailCount = async () =>
  new Set((await ctx.database.pool.query('SELECT id FROM mail_outbox')).rows.map((r: { id: string }) => r.id));

describe('alignment table', () => {
  it('starts à aligner with both catalogues, for the parties and operators only', async () => {
    const a = await table();
    expect(a).toMatchObject({
      version: 1,
      state: 'to_align',
      pairs: [],
      uncoveredOwnerCodes: ['CT', 'DEP', 'DESINC', 'VE'],
    });
    expect(a.providerCatalogue.map((c) => c.code)).toEqual(['P902', 'P910', 'P920', 'P999']);
    expect(a.permissions).toMatchObject({ role: 'owner', canEdit: true, canSubmit: false });
    const key = await apiKey(ctx, provider, 'GMAO');
    const otherKey = await apiKey(ctx, otherOwner, 'Logis');
    const expected: Array<[string, Session | { headers: Record<string, string> } | null, number, string?]> = [
      ['provider', provider, 200, 'provider'],
      ['third party (read-only)', third, 200, 'thirdParty'],
      ['operator', operator, 200, 'operator'],
      ['provider API key', key, 200, 'provider'],
      ['other organisation', otherOwner, 404],
      ['other organisation’s API key', otherKey, 404],
      ['no credentials', null, 401],
    ];
    for (const [who, caller, status, role] of expected) {
      const res = await as<Alignment>(ctx, caller, 'GET', url());
      expect([who, res.status]).toEqual([who, status]);
      if (role) expect([who, res.body.permissions.role]).toEqual([who, role]);
    }
    const third403 = await propose(third, {
      expectedVersion: 1,
      ownerCode: 'VE',
      providerCode: 'P902',
      relation: 'equivalent',
    });
    expect(third403.status).toBe(403);
    expect(third403.error?.code).toBe('service_code.read_only');
  });

  it('proposes a pair and tells the other party; the proposer cannot accept its own', async () => {
    const since = await mailCount();
    const res = await propose(owner, {
      expectedVersion: 1,
      ownerCode: 've',
      providerCode: 'p902',
      relation: 'equivalent',
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    expect(res.body.state).toBe('proposed');
    expect(pairOf(res.body, 'VE')).toMatchObject({ providerCode: 'P902', status: 'proposed', proposedBy: 'owner' });
    expect(await mailsSince(since)).toEqual([
      { to_address: 'admin@ascenseurs-demo.fr', kind: 'service_code.pair_proposed' },
    ]);
    const own = await call(ctx, owner, 'POST', url(`/pairs/${pairOf(res.body, 'VE').id}/accept`), {
      expectedVersion: 2,
    });
    expect(own.error?.code).toBe('service_code.own_proposal');
  });

  it('refuses a pair naming a code absent from a catalogue, a bad no-match and a duplicate, nothing changed', async () => {
    const before = await codesSnapshot(ctx);
    const unknownOwner = await propose(owner, {
      expectedVersion: 2,
      ownerCode: 'XX',
      providerCode: 'P902',
      relation: 'equivalent',
    });
    expect(unknownOwner.status).toBe(400);
    expect(unknownOwner.error).toMatchObject({ code: 'service_code.unknown_code', details: { field: 'ownerCode' } });
    // The owner's code is not in the provider's catalogue.
    const unknownProvider = await propose(provider, {
      expectedVersion: 2,
      ownerCode: 'DEP',
      providerCode: 'VE',
      relation: 'equivalent',
    });
    expect(unknownProvider.error).toMatchObject({
      code: 'service_code.unknown_code',
      details: { field: 'providerCode' },
    });
    const noMatch = await propose(owner, {
      expectedVersion: 2,
      ownerCode: 'CT',
      providerCode: 'P999',
      relation: 'no_match',
    });
    expect(noMatch.error?.code).toBe('service_code.invalid_pair');
    const dup = await propose(provider, {
      expectedVersion: 2,
      ownerCode: 'VE',
      providerCode: 'P902',
      relation: 'narrower',
    });
    expect(dup.error?.code).toBe('service_code.pair_exists');
    expect(await codesSnapshot(ctx)).toEqual(before);
  });

  it('refuses a stale version with its own code and nothing changed', async () => {
    const before = await codesSnapshot(ctx);
    const res = await propose(provider, {
      expectedVersion: 1,
      ownerCode: 'DEP',
      providerCode: 'P910',
      relation: 'equivalent',
    });
    expect(res.status).toBe(409);
    expect(res.error).toMatchObject({ code: 'service_code.stale_version', details: { currentVersion: 2 } });
    expect(await codesSnapshot(ctx)).toEqual(before);
  });

  it('suggests pairs from labels; accepting one proposes it, dismissing one is remembered', async () => {
    const s = await call<{ items: Suggestion[] }>(ctx, provider, 'GET', url('/suggestions'));
    expect(s.body.items.map((x) => [x.ownerCode, x.providerCode, x.source])).toEqual([
      ['DEP', 'P910', 'label'],
      ['DESINC', 'P920', 'label'],
    ]);
    const dismissed = await call(ctx, provider, 'POST', url('/suggestions/dismiss'), {
      ownerCode: 'DESINC',
      providerCode: 'P920',
    });
    expect(dismissed.status).toBe(200);
    const accepted = await propose(provider, {
      expectedVersion: 2,
      ownerCode: 'DEP',
      providerCode: 'P910',
      relation: 'equivalent',
    });
    expect(accepted.body.version).toBe(3);
    const after = await call<{ items: Suggestion[] }>(ctx, owner, 'GET', url('/suggestions'));
    expect(after.body.items).toEqual([]);
  });

  it('accepts, rejects with a comment, counter-proposes; history shows each version’s diff', async () => {
    let a = await table();
    const acc = await call<Alignment>(ctx, provider, 'POST', url(`/pairs/${pairOf(a, 'VE').id}/accept`), {
      expectedVersion: a.version,
    });
    expect(pairOf(acc.body, 'VE').status).toBe('accepted');
    const rej = await call<Alignment>(ctx, owner, 'POST', url(`/pairs/${pairOf(acc.body, 'DEP').id}/reject`), {
      expectedVersion: acc.body.version,
      comment: 'P910 couvre aussi les pannes hors ascenseur',
    });
    expect(pairOf(rej.body, 'DEP')).toMatchObject({
      status: 'rejected',
      responseComment: 'P910 couvre aussi les pannes hors ascenseur',
    });
    const counter = await call<Alignment>(ctx, provider, 'POST', url(`/pairs/${pairOf(rej.body, 'DEP').id}/counter`), {
      expectedVersion: rej.body.version,
      ownerCode: 'DEP',
      providerCode: 'P910',
      relation: 'narrower',
      comment: 'DEP est plus étroit que P910',
    });
    expect(pairOf(counter.body, 'DEP')).toMatchObject({
      relation: 'narrower',
      status: 'proposed',
      proposedBy: 'provider',
    });
    a = counter.body;
    const versions = await call<{ items: VersionDiff[] }>(ctx, third, 'GET', url('/versions'));
    expect(versions.body.items.map((v) => [v.version, v.action])).toEqual([
      [6, 'pair_countered'],
      [5, 'pair_rejected'],
      [4, 'pair_accepted'],
      [3, 'pair_proposed'],
      [2, 'pair_proposed'],
    ]);
    const [countered] = versions.body.items;
    expect(countered?.changed.map((c) => [c.before.relation, c.after.relation])).toEqual([['equivalent', 'narrower']]);
    expect(versions.body.items.at(-1)?.added.map((p) => p.ownerCode)).toEqual(['VE']);
  });

  it('refuses submission until every pair is accepted and every owner code handled', async () => {
    const before = await codesSnapshot(ctx);
    const a = await table();
    const res = await call(ctx, owner, 'POST', url('/submit'), { expectedVersion: a.version });
    expect(res.status).toBe(409);
    expect(res.error).toMatchObject({
      code: 'service_code.not_aligned',
      details: { pending: 1, uncovered: ['CT', 'DEP', 'DESINC'] },
    });
    expect(await codesSnapshot(ctx)).toEqual(before);
  });

  it('submits once aligned; operators are told, the table is locked, non-operators cannot integrate', async () => {
    let a = await table();
    a = (
      await call<Alignment>(ctx, owner, 'POST', url(`/pairs/${pairOf(a, 'DEP').id}/accept`), {
        expectedVersion: a.version,
      })
    ).body;
    a = (
      await propose(owner, {
        expectedVersion: a.version,
        ownerCode: 'DESINC',
        providerCode: 'P920',
        relation: 'equivalent',
      })
    ).body;
    a = (
      await propose(owner, {
        expectedVersion: a.version,
        ownerCode: 'CT',
        relation: 'no_match',
        comment: 'Hors contrat',
      })
    ).body;
    for (const code of ['DESINC', 'CT']) {
      a = (
        await call<Alignment>(ctx, provider, 'POST', url(`/pairs/${pairOf(a, code).id}/accept`), {
          expectedVersion: a.version,
        })
      ).body;
    }
    expect(a.state).toBe('aligned');
    expect(a.permissions.canSubmit).toBe(true);
    expect((await alignment(ctx, owner, contractId)).body.permissions.canSubmit).toBe(true);
    expect((await alignment(ctx, third, contractId)).body.permissions.canSubmit).toBe(false);
    const since = await mailCount();
    const submitted = await call<Alignment>(ctx, provider, 'POST', url('/submit'), { expectedVersion: a.version });
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    const mails = await mailsSince(since);
    expect(mails).toContainEqual({ to_address: 'support@raccord.local', kind: 'service_code.submitted' });
    const locked = await propose(owner, {
      expectedVersion: submitted.body.version,
      ownerCode: 'VE',
      providerCode: 'P999',
      relation: 'broader',
    });
    expect(locked.error?.code).toBe('service_code.locked');

    const before = await codesSnapshot(ctx);
    for (const who of [owner, provider, third]) {
      const res = await call(ctx, who, 'POST', url('/integrate'), { expectedVersion: submitted.body.version });
      expect(res.status).toBe(403);
      expect(res.error?.code).toBe('service_code.operator_only');
    }
    const queueByOwner = await call(ctx, owner, 'GET', '/api/service-code-submissions');
    expect(queueByOwner.error?.code).toBe('service_code.operator_only');
    expect(await codesSnapshot(ctx)).toEqual(before);
    expect((await resolveServiceCodes(ctx.database.db, contractId, provider.organizationId, ['P902']))[0]?.status).toBe(
      'unchecked',
    );
  });

  it('operators see the queue, send back with a comment, then integrate', async () => {
    const queue = await call<{ items: Submission[] }>(ctx, operator, 'GET', '/api/service-code-submissions');
    const item = queue.body.items.find((i) => i.contractId === contractId);
    expect(item).toMatchObject({
      state: 'submitted',
      owner: 'Habitat Demo',
      provider: 'Ascenseurs Demo',
      pairCount: 4,
    });
    const stale = await call(ctx, operator, 'POST', url('/integrate'), { expectedVersion: 1 });
    expect(stale.error?.code).toBe('service_code.stale_version');
    const back = await call<Alignment>(ctx, operator, 'POST', url('/send-back'), {
      expectedVersion: item?.version,
      comment: 'Précisez la relation de DEP',
    });
    expect(back.body).toMatchObject({ state: 'aligned', returnComment: 'Précisez la relation de DEP' });
    const notSubmitted = await call(ctx, operator, 'POST', url('/integrate'), { expectedVersion: back.body.version });
    expect(notSubmitted.error?.code).toBe('service_code.not_submitted');
    const again = await call<Alignment>(ctx, owner, 'POST', url('/submit'), { expectedVersion: back.body.version });
    const since = await mailCount();
    const integrated = await call<Alignment>(ctx, operator, 'POST', url('/integrate'), {
      expectedVersion: again.body.version,
    });
    expect(integrated.status).toBe(200);
    expect(integrated.body.state).toBe('integrated');
    const told = (await mailsSince(since)).filter((m) => m.kind === 'service_code.integrated').map((m) => m.to_address);
    expect(told.sort()).toEqual(['admin@ascenseurs-demo.fr', 'admin@habitat-demo.fr']);
  });

  it('resolves operation-log codes against the integrated table', async () => {
    const byProvider = await resolveServiceCodes(ctx.database.db, contractId, provider.organizationId, [
      'p902',
      'P910',
      'P999',
      'ZZ',
    ]);
    expect(byProvider).toEqual([
      { code: 'p902', status: 'known', ownerCode: 'VE', ownerLabel: 'Visite d’entretien' },
      { code: 'P910', status: 'known', ownerCode: 'DEP', ownerLabel: 'Dépannage ascenseur' },
      { code: 'P999', status: 'unknown' },
      { code: 'ZZ', status: 'unknown' },
    ]);
    const byOwner = await resolveServiceCodes(ctx.database.db, contractId, owner.organizationId, ['CT', 'P902']);
    expect(byOwner.map((r) => r.status)).toEqual(['known', 'unknown']);
  });

  it('keeps the integrated table in force while a new version is aligned', async () => {
    const a = await table();
    const res = await propose(owner, {
      expectedVersion: a.version,
      ownerCode: 'VE',
      providerCode: 'P999',
      relation: 'broader',
    });
    expect(res.body.state).toBe('proposed');
    const [hit] = await resolveServiceCodes(ctx.database.db, contractId, provider.organizationId, ['P999']);
    expect(hit?.status).toBe('unknown');
    const del = await as(ctx, owner, 'DELETE', `/api/service-codes/${await codeId(owner, 'VE')}`);
    expect(del.code).toBe('service_code.in_use');
  });

  it('suggests pairs agreed in the same parties’ other contracts', async () => {
    const second = await activeContract(ctx, { owner, provider });
    const s = await call<{ items: Suggestion[] }>(
      ctx,
      owner,
      'GET',
      `/api/contracts/${second.id}/service-codes/suggestions`,
    );
    expect(
      s.body.items.filter((x) => x.source === 'history').map((x) => [x.ownerCode, x.providerCode, x.relation]),
    ).toEqual([
      ['DEP', 'P910', 'narrower'],
      ['DESINC', 'P920', 'equivalent'],
      ['VE', 'P902', 'equivalent'],
    ]);
  });
});

async function codeId(s: Session, code: string) {
  const trade = await liftTrade(ctx);
  const res = await call<{ items: Array<{ id: string; code: string }> }>(
    ctx,
    s,
    'GET',
    `/api/service-codes?tradeId=${trade}`,
  );
  return res.body.items.find((c) => c.code === code)?.id;
}
