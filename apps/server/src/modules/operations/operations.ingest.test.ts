import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aLog, apiKey, type Caller, type LogTargets, logTargets, send } from '../../test/operations.fixtures';
import { validatedContract } from '../../test/sync.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';

let ctx: TestContext;
let owner: Session;
let provider: Session;
let key: Caller;
let contractId: string;
let t: LogTargets;

type Results = {
  results: Array<{ index: number; status: string; code?: string; field?: string; line?: number; operationId?: string }>;
  accepted: number;
  duplicates: number;
  refused: number;
};

const post = (body: unknown, who: Caller = key) => send<Results>(ctx, who, 'POST', '/api/operations/logs', body);
const count = async (table: string) =>
  Number((await ctx.database.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n);

beforeAll(async () => {
  ctx = await createTestContext({ patrimoine: true, env: { LOGIN_MIN_DELAY_MS: '0' } });
  [owner, provider] = await Promise.all([ctx.login('admin@habitat-demo.fr'), ctx.login('admin@ascenseurs-demo.fr')]);
  contractId = (await validatedContract(ctx, { owner, provider })).id;
  t = await logTargets(ctx, contractId);
  key = await apiKey(ctx, provider, 'GMAO');
}, 120_000);
afterAll(() => ctx.close());

describe('ingestion', () => {
  it('keeps the connector waiting until the first accepted log, then marks it active and e-mails the owner', async () => {
    const before = await send<{ state: string }>(ctx, owner, 'GET', `/api/contracts/${contractId}/connector`);
    expect(before.body.state).toBe('waiting');
    const refused = await post(aLog(t, { location: { assetReference: t.unshared } }));
    expect(refused.body.refused).toBe(1);
    expect(
      (await send<{ state: string }>(ctx, owner, 'GET', `/api/contracts/${contractId}/connector`)).body.state,
    ).toBe('waiting');
    const sent = ctx.mail.sent.length;
    const res = await post(aLog(t));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1, refused: 0, duplicates: 0 });
    expect(res.body.results[0]?.operationId).toMatch(/^op_/);
    const status = await send<{ state: string; firstDataAt: string; refusalsByReason: unknown[] }>(
      ctx,
      owner,
      'GET',
      `/api/contracts/${contractId}/connector`,
    );
    expect(status.body).toMatchObject({
      state: 'active',
      firstDataAt: ctx.clock.now().toISOString(),
      refusalsByReason: [{ code: 'operation.asset_not_shared', count: 1 }],
    });
    await ctx.runner.drain();
    const mails = ctx.mail.sent.slice(sent);
    expect(mails.map((m) => m.to)).toEqual(['admin@habitat-demo.fr']);
    expect(mails[0]?.subject).toContain('Connecteur actif');
    // A second accepted log does not e-mail again.
    await post(aLog(t));
    await ctx.runner.drain();
    expect(ctx.mail.sent.length).toBe(sent + 1);
  });

  it('answers a batch item by item, with a stable code and the field at fault', async () => {
    const res = await post({
      logs: [
        aLog(t),
        aLog(t, { contractReference: 'INCONNU-42' }),
        aLog(t, { contractReference: t.ownerReference }),
        aLog(t, { status: 'closed', event: 'requested' }),
        aLog(t, { eventDate: 'hier' }),
        aLog(t, { eventDate: '2026-03-10T10:00:00Z' }),
        aLog(t, { eventDate: '1999-12-31T10:00:00Z' }),
        aLog(t, { location: { assetReference: 'N-EXISTE-PAS' } }),
        aLog(t, { workType: 'urgent' }),
        aLog(t, { serviceCode: undefined }),
        aLog(t, { couleur: 'bleu' }),
        aLog(t, { status: 'open', event: 'planned', eventDate: '2026-05-10T08:00:00Z' }),
        'pas un objet',
      ],
    });
    expect(res.status).toBe(200);
    const summary = res.body.results.map((r) => [r.index, r.status, r.code ?? null, r.field ?? null]);
    expect(summary).toEqual([
      [0, 'accepted', null, null],
      [1, 'refused', 'operation.contract_not_found', 'contractReference'],
      [2, 'refused', 'operation.contract_not_found', 'contractReference'],
      [3, 'refused', 'operation.invalid_status_event', 'event'],
      [4, 'refused', 'operation.invalid_date', 'eventDate'],
      [5, 'refused', 'operation.date_in_future', 'eventDate'],
      [6, 'refused', 'operation.date_too_old', 'eventDate'],
      [7, 'refused', 'operation.asset_not_shared', 'location.assetReference'],
      [8, 'refused', 'operation.invalid_log', 'workType'],
      [9, 'refused', 'operation.invalid_log', 'serviceCode'],
      [10, 'refused', 'operation.invalid_log', 'couleur'],
      [11, 'accepted', null, null],
      [12, 'refused', 'operation.invalid_log', 'log'],
    ]);
    expect(res.body).toMatchObject({ accepted: 2, refused: 11, duplicates: 0 });
    // Malformed logs naming the contract count among its refusals (the owner sees why data is refused).
    const status = await send<{ refusalsByReason: Array<{ code: string; count: number }> }>(
      ctx,
      owner,
      'GET',
      `/api/contracts/${contractId}/connector`,
    );
    expect(status.body.refusalsByReason).toEqual(
      expect.arrayContaining([
        { code: 'operation.invalid_status_event', count: 1 },
        { code: 'operation.invalid_log', count: 3 },
        { code: 'operation.date_in_future', count: 1 },
      ]),
    );
  });

  it('stores a log sent twice once, within a batch and across batches', async () => {
    const logs = [aLog(t), aLog(t)];
    const [before, opsBefore] = [await count('operation_logs'), await count('operations')];
    const first = await post({ logs: [...logs, logs[0]] });
    expect(first.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'duplicate']);
    const again = await post({ logs });
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2, refused: 0 });
    expect(await count('operation_logs')).toBe(before + 2);
    expect(await count('operations')).toBe(opsBefore + 2);
    // The sender's own idempotency key wins over the natural key.
    const keyed = aLog(t, { idempotencyKey: 'gmao-123' });
    expect((await post(keyed)).body.accepted).toBe(1);
    expect((await post({ ...keyed, description: 'corrigé' })).body.duplicates).toBe(1);
  });

  it('keeps the status of the latest log even when logs arrive out of order', async () => {
    const base = aLog(t);
    const ref = base.reference;
    const closed = { ...base, status: 'closed', event: 'done', eventDate: '2026-03-01T16:00:00Z' };
    const planned = { ...base, status: 'open', event: 'planned', eventDate: '2026-03-01T12:00:00Z' };
    const res = await post({ logs: [closed] });
    const opId = res.body.results[0]?.operationId;
    await post({ logs: [base, planned] });
    const detail = await send<{ status: string; event: string; logCount: number; logs: Array<{ event: string }> }>(
      ctx,
      owner,
      'GET',
      `/api/contracts/${contractId}/operations/${opId}`,
    );
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ reference: ref, status: 'closed', event: 'done', logCount: 3 });
    expect(detail.body.logs.map((l) => l.event)).toEqual(['requested', 'planned', 'done']);
  });

  it('stores nothing of a batch that fails part-way, and the resent batch once', async () => {
    const q = (text: string) => ctx.database.pool.query(text);
    // The last write of the batch's transaction fails, as a crash before COMMIT would cut it.
    await q(`CREATE FUNCTION ops_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'crash'; END $$`);
    await q(
      'CREATE TRIGGER ops_fail BEFORE INSERT OR UPDATE ON operation_daily_counts FOR EACH ROW EXECUTE FUNCTION ops_fail()',
    );
    const logs = [aLog(t), aLog(t), aLog(t)];
    const [logsBefore, opsBefore] = [await count('operation_logs'), await count('operations')];
    expect((await post({ logs })).status).toBe(500);
    expect([await count('operation_logs'), await count('operations')]).toEqual([logsBefore, opsBefore]);
    await q('DROP TRIGGER ops_fail ON operation_daily_counts');
    await q('DROP FUNCTION ops_fail()');
    expect((await post({ logs })).body.accepted).toBe(3);
    expect((await post({ logs })).body.duplicates).toBe(3);
    expect(await count('operation_logs')).toBe(logsBefore + 3);
  });

  it('refuses an empty batch and one over 1,000 logs as a whole', async () => {
    expect((await post({ logs: [] })).body.error?.code).toBe('operation.batch_empty');
    const big = await post({ logs: Array.from({ length: 1001 }, () => aLog(t)) });
    expect(big.status).toBe(413);
    expect(big.body.error?.code).toBe('operation.batch_too_large');
  });

  it('refuses logs from the owner, and on a suspended contract', async () => {
    const ownerKey = await apiKey(ctx, owner, 'Bailleur');
    const fromOwner = await post(aLog(t, { contractReference: t.ownerReference }), ownerKey);
    expect(fromOwner.body.results[0]?.code).toBe('operation.sender_not_provider');
    await send(ctx, owner, 'POST', `/api/contracts/${contractId}/suspend`, { reason: 'Audit' });
    const res = await post(aLog(t));
    expect(res.body.results[0]).toMatchObject({ status: 'refused', code: 'operation.contract_suspended' });
    await send(ctx, owner, 'POST', `/api/contracts/${contractId}/resume`, { reason: 'Fin audit' });
    expect((await post(aLog(t))).body.accepted).toBe(1);
  });
});

describe('CSV upload', () => {
  const url = () => `/api/contracts/${contractId}/operations/csv`;
  it('checks each line like a batch item and answers with line numbers', async () => {
    const csv = [
      'reference;status;event;eventDate;serviceCode;location.assetReference;workType;description',
      `CSV-1;open;requested;2026-03-01T09:00:00Z;P902;${t.shared[0]};preventive;"Visite; semestrielle"`,
      `CSV-2;closed;requested;2026-03-01T09:00:00Z;P902;${t.shared[0]};preventive;`,
      `CSV-3;open;requested;2026-03-01T09:00:00Z;P902;${t.unshared};preventive;`,
      `CSV-4;open;requested;2026-03-01T09:00:00Z;P902;${t.shared[0]};preventive;;en trop`,
    ].join('\r\n');
    const res = await send<Results>(ctx, key, 'POST', url(), csv, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => [r.line, r.status, r.code ?? null])).toEqual([
      [2, 'accepted', null],
      [3, 'refused', 'operation.invalid_status_event'],
      [4, 'refused', 'operation.asset_not_shared'],
      [5, 'refused', 'operation.invalid_log'],
    ]);
    const again = await send<Results>(ctx, provider, 'POST', url(), csv, 'text/csv');
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 1, refused: 3 });
  });

  it('reads comma-separated files and refuses an unknown column as a whole', async () => {
    const csv = `reference,status,event,eventDate,serviceCode,assetReference,workType\nCSV-9,open,requested,2026-03-01,VE,${t.shared[1]},corrective\n`;
    expect((await send<Results>(ctx, key, 'POST', url(), csv, 'text/csv')).body.accepted).toBe(1);
    const bad = await send<Results>(ctx, key, 'POST', url(), 'reference;couleur\nX;bleu\n', 'text/csv');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('operation.csv_invalid');
  });
});

describe('listing and activation', () => {
  it('lists the contract’s operations with filters and keyset pages', async () => {
    const all: string[] = [];
    let after: string | null = null;
    do {
      const q: string = after ? `&after=${after}` : '';
      const page = await send<{ items: Array<{ id: string }>; next: string | null }>(
        ctx,
        owner,
        'GET',
        `/api/contracts/${contractId}/operations?limit=3${q}`,
      );
      expect(page.status).toBe(200);
      all.push(...page.body.items.map((i) => i.id));
      after = page.body.next;
    } while (after);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(await count('operations'));
    const closed = await send<{ items: Array<{ status: string }> }>(
      ctx,
      key,
      'GET',
      `/api/contracts/${contractId}/operations?status=closed&workType=corrective`,
    );
    expect(closed.body.items.length).toBeGreaterThan(0);
    expect(closed.body.items.every((i) => i.status === 'closed')).toBe(true);
    const none = await send<{ items: unknown[] }>(
      ctx,
      owner,
      'GET',
      `/api/contracts/${contractId}/operations?to=2026-02-28&assetReference=${t.shared[0]}`,
    );
    expect(none.body.items).toEqual([]);
  });

  it('turns a connector silent after the configured days without data, and active again on new data', async () => {
    await ctx.runner.drain();
    ctx.clock.advance(8 * 86_400_000);
    const sent = ctx.mail.sent.length;
    await ctx.database.pool.query(
      `INSERT INTO jobs (name, payload, state, run_at, attempts, max_attempts, created_at)
       VALUES ('operations.connector_silence', '{}', 'queued', $1, 0, 3, $1)`,
      [ctx.clock.now()],
    );
    await ctx.runner.drain();
    // Sessions have expired after eight days: the connector's key reads the panel.
    const silent = await send<{ state: string; daily: Array<{ accepted: number }> }>(
      ctx,
      key,
      'GET',
      `/api/contracts/${contractId}/connector`,
    );
    expect(silent.body.state).toBe('silent');
    expect(silent.body.daily).toHaveLength(30);
    expect(silent.body.daily.reduce((s, d) => s + d.accepted, 0)).toBeGreaterThan(0);
    expect(ctx.mail.sent.slice(sent).map((m) => [m.to, m.subject])).toEqual([
      ['admin@habitat-demo.fr', expect.stringContaining('silencieux')],
    ]);
    await post(aLog(t, { eventDate: ctx.clock.now().toISOString() }));
    const back = await send<{ state: string }>(ctx, key, 'GET', `/api/contracts/${contractId}/connector`);
    expect(back.body.state).toBe('active');
  });
});
