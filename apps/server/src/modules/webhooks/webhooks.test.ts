import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CreatedWebhook, WebhookDelivery, WebhookDeliveryPage, WebhookEndpoint } from '@raccord/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/contracts.fixtures';
import { validatedContract } from '../../test/sync.fixtures';
import { createTestContext, type Session, type TestContext } from '../../test/test-app';
import { deliverWebhook, RETRY_SCHEDULE_MS } from './webhooks.deliver';
import { SendError, sendWebhook } from './webhooks.send';
import { checkWebhookUrl } from './webhooks.url';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: {
    id: string;
    event: string;
    contract?: { id: string; reference: string | null };
    data?: Record<string, string | number>;
  };
}

let ctx: TestContext;
let owner: Session;
let member: Session;
let provider: Session;
let receiver: Server;
let base = '';
const received: Received[] = [];
/** Statuses the receiver answers with, in turn (200 once empty). */
const answers: number[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ patrimoine: true, env: { LOGIN_MIN_DELAY_MS: '0' } });
  [owner, member, provider] = await Promise.all([
    ctx.login('admin@habitat-demo.fr'),
    ctx.login('membre@habitat-demo.fr'),
    ctx.login('admin@ascenseurs-demo.fr'),
  ]);
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const status = answers.shift() ?? 200;
      if (status === 200) received.push({ path: req.url ?? '', headers: req.headers, body, json: JSON.parse(body) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await ctx.close();
});

async function declare(session: Session, path: string, events: string[]) {
  const res = await call<CreatedWebhook>(ctx, session, 'POST', '/api/webhooks', { url: `${base}${path}`, events });
  expect(res.status).toBe(201);
  return res.body;
}

function verify(r: Received, secret: string) {
  const header = String(r.headers['raccord-signature']);
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  expect(m).not.toBeNull();
  const expected = createHmac('sha256', secret).update(`${m?.[1]}.${r.body}`).digest('hex');
  expect(m?.[2]).toBe(expected);
}

async function deliveries(session: Session, id: string) {
  const res = await call<WebhookDeliveryPage>(ctx, session, 'GET', `/api/webhooks/${id}/deliveries`);
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('webhook endpoints', () => {
  it('are declared by admins, the secret shown once; nobody else sees or touches them', async () => {
    const created = await declare(provider, '/acl', ['contract.changes']);
    expect(created.secret).toMatch(/^whsec_[\w-]{40,}$/);
    const mine = await call<{ items: WebhookEndpoint[] }>(ctx, provider, 'GET', '/api/webhooks');
    const listed = mine.body.items.find((w) => w.id === created.id);
    expect(listed).toMatchObject({ url: `${base}/acl`, events: ['contract.changes'], lastDelivery: null });
    expect(JSON.stringify(mine.body)).not.toContain(created.secret);
    expect(created.secret.startsWith(listed?.secretPrefix ?? 'x')).toBe(true);

    const theirs = await call<{ items: WebhookEndpoint[] }>(ctx, owner, 'GET', '/api/webhooks');
    expect(theirs.body.items.some((w) => w.id === created.id)).toBe(false);
    for (const [method, url] of [
      ['GET', `/api/webhooks/${created.id}/deliveries`],
      ['POST', `/api/webhooks/${created.id}/test`],
    ] as const) {
      expect((await call(ctx, owner, method, url, method === 'POST' ? {} : undefined)).error?.code).toBe(
        'webhook.not_found',
      );
    }
    const del = await ctx.app.inject({ method: 'DELETE', url: `/api/webhooks/${created.id}`, headers: owner.headers });
    expect(del.json().error.code).toBe('webhook.not_found');
    expect((await call(ctx, member, 'GET', '/api/webhooks')).status).toBe(403);
    expect(
      (await call(ctx, member, 'POST', '/api/webhooks', { url: `${base}/m`, events: ['contract.changes'] })).status,
    ).toBe(403);
    expect((await call(ctx, null, 'GET', '/api/webhooks')).status).toBe(401);

    const gone = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/webhooks/${created.id}`,
      headers: provider.headers,
    });
    expect(gone.statusCode).toBe(200);
    const after = await call<{ items: WebhookEndpoint[] }>(ctx, provider, 'GET', '/api/webhooks');
    expect(after.body.items.some((w) => w.id === created.id)).toBe(false);
  });

  it('refuses bad addresses and events with their own codes, and stores nothing', async () => {
    const before = (await call<{ items: WebhookEndpoint[] }>(ctx, provider, 'GET', '/api/webhooks')).body.items.length;
    const cases: Array<[unknown, string]> = [
      [{ url: 'pas une adresse', events: ['contract.changes'] }, 'webhook.invalid_url'],
      [{ url: 'ftp://example.com/x', events: ['contract.changes'] }, 'webhook.invalid_url'],
      [{ url: 'https://user:pw@example.com/x', events: ['contract.changes'] }, 'webhook.invalid_url'],
      [{ url: 'https://example.com/x', events: [] }, 'validation.failed'],
      [{ url: 'https://example.com/x', events: ['contract.unknown'] }, 'validation.failed'],
    ];
    for (const [body, code] of cases) {
      const res = await call(ctx, provider, 'POST', '/api/webhooks', body);
      expect(res.status).toBe(400);
      expect(res.error?.code).toBe(code);
      if (code.startsWith('webhook.')) expect(res.error?.details).toMatchObject({ field: 'url' });
    }
    expect((await call<{ items: WebhookEndpoint[] }>(ctx, provider, 'GET', '/api/webhooks')).body.items).toHaveLength(
      before,
    );
  });

  it('in production, only https:// to public hosts', () => {
    expect(checkWebhookUrl('https://hooks.example.com/raccord?x=1', false)).toBe(
      'https://hooks.example.com/raccord?x=1',
    );
    for (const url of [
      'http://hooks.example.com/x',
      'https://localhost/x',
      'https://127.0.0.1/x',
      'https://10.2.3.4/x',
      'https://172.20.0.1/x',
      'https://192.168.1.10/x',
      'https://169.254.169.254/latest',
      'https://[::1]/x',
      'https://[fd00::1]/x',
      'https://[::ffff:127.0.0.1]/x',
      'https://[::ffff:10.0.0.1]/x',
      'https://0x7f.1/x',
      'https://2130706433/x',
    ]) {
      expect(() => checkWebhookUrl(url, false), url).toThrow(expect.objectContaining({ code: 'webhook.insecure_url' }));
    }
    expect(checkWebhookUrl('http://127.0.0.1:8080/x', true)).toBe('http://127.0.0.1:8080/x');
  });
});

describe('webhook deliveries', () => {
  it('tell the provider, signed, when its shared set is ready and at each change of the feed; never the owner', async () => {
    const hook = await declare(provider, '/events', [
      'contract.synchronised',
      'contract.changes',
      'contract.state_changed',
    ]);
    const ownerHook = await declare(owner, '/owner', ['contract.synchronised', 'contract.changes']);
    received.length = 0;
    const p = await validatedContract(ctx, { owner, provider });
    await ctx.runner.drain();
    const ready = received.filter((r) => r.json.event === 'contract.synchronised' && r.json.contract?.id === p.id);
    expect(ready).toHaveLength(1);
    const first = ready[0] as Received;
    verify(first, hook.secret);
    expect(first.headers['raccord-event']).toBe('contract.synchronised');
    expect(first.headers['raccord-delivery']).toBe(first.json.id);
    const providerRef = (
      await ctx.database.pool.query(
        `SELECT reference FROM contract_parties WHERE project_id = $1 AND role = 'provider'`,
        [p.id],
      )
    ).rows[0]?.reference;
    expect(providerRef).toMatch(/^ASC-SYNC-/);
    expect(first.json.contract?.reference).toBe(providerRef);
    expect(Number(first.json.data?.elements)).toBeGreaterThan(0);
    expect(received.every((r) => r.path === '/events')).toBe(true);
    expect(await deliveries(owner, ownerHook.id)).toEqual([]);

    // A shared element renamed by the owner: one contract.changes event whose cursor reads it.
    const shared = await ctx.database.pool.query(
      `SELECT asset_id FROM contract_assets WHERE contract_id = $1 ORDER BY asset_id LIMIT 1`,
      [p.id],
    );
    const assetId = String(shared.rows[0].asset_id);
    expect(
      (await call(ctx, owner, 'PATCH', `/api/assets/${assetId}`, { label: 'Renommé pour le webhook' })).status,
    ).toBe(200);
    await ctx.runner.drain();
    const changes = received.filter((r) => r.json.event === 'contract.changes' && r.json.contract?.id === p.id);
    expect(changes).toHaveLength(1);
    const change = changes[0] as Received;
    verify(change, hook.secret);
    expect(change.json.data).toMatchObject({ entries: 1 });
    const feed = await call<{ items: Array<{ kind: string; cursor: string; asset: { id: string; label: string } }> }>(
      ctx,
      provider,
      'GET',
      `/api/contracts/${p.id}/changes?after=${change.json.data?.after}`,
    );
    expect(feed.body.items.map((c) => [c.kind, c.asset.id, c.asset.label])).toEqual([
      ['updated', assetId, 'Renommé pour le webhook'],
    ]);
    expect(feed.body.items[0]?.cursor).toBe(String(change.json.data?.feedCursor));
    const rest = await call<{ items: unknown[] }>(
      ctx,
      provider,
      'GET',
      `/api/contracts/${p.id}/changes?after=${change.json.data?.feedCursor}`,
    );
    expect(rest.body.items).toEqual([]);

    const log = await deliveries(provider, hook.id);
    expect(log.map((d) => [d.event, d.state, d.attempts, d.lastStatus])).toEqual([
      ['contract.changes', 'delivered', 1, 200],
      ['contract.synchronised', 'delivered', 1, 200],
    ]);
    const listed = await call<{ items: WebhookEndpoint[] }>(ctx, provider, 'GET', '/api/webhooks');
    expect(listed.body.items.find((w) => w.id === hook.id)?.lastDelivery).toMatchObject({
      state: 'delivered',
      status: 200,
    });
    // Suspension with its reason.
    received.length = 0;
    const suspended = await call(ctx, owner, 'POST', `/api/contracts/${p.id}/suspend`, { reason: 'Audit annuel' });
    expect(suspended.status).toBe(200);
    await ctx.runner.drain();
    expect(received.map((r) => [r.json.event, r.json.data])).toEqual([
      ['contract.state_changed', { state: 'suspended', reason: 'Audit annuel' }],
    ]);
    for (const id of [hook.id, ownerHook.id]) {
      const s = id === hook.id ? provider : owner;
      await ctx.app.inject({ method: 'DELETE', url: `/api/webhooks/${id}`, headers: s.headers });
    }
  });

  it('limited to some contracts, receive only theirs; other contracts are refused by name, nothing stored', async () => {
    const a = await validatedContract(ctx, { owner, provider });
    const b = await validatedContract(ctx, { owner, provider });
    const before = (await call<{ items: WebhookEndpoint[] }>(ctx, provider, 'GET', '/api/webhooks')).body.items.length;
    // Not a party (the owner's own contract, an unknown id): refused with the ids at fault.
    for (const [session, ids] of [
      [owner, [a.id]],
      [provider, [a.id, 'ctr_inconnu']],
    ] as const) {
      const res = await call(ctx, session, 'POST', '/api/webhooks', {
        url: `${base}/scoped`,
        events: ['contract.state_changed'],
        contractIds: ids,
      });
      expect(res.status).toBe(400);
      expect(res.error).toMatchObject({ code: 'webhook.unknown_contract', details: { field: 'contractIds' } });
      expect(res.error?.message).toContain(ids[ids.length - 1]);
    }
    expect((await call<{ items: WebhookEndpoint[] }>(ctx, provider, 'GET', '/api/webhooks')).body.items).toHaveLength(
      before,
    );

    const res = await call<CreatedWebhook>(ctx, provider, 'POST', '/api/webhooks', {
      url: `${base}/scoped`,
      events: ['contract.state_changed'],
      contractIds: [a.id, a.id],
    });
    expect(res.status).toBe(201);
    expect(res.body.contracts).toEqual([{ id: a.id, label: a.label }]);
    const listed = await call<{ items: WebhookEndpoint[] }>(ctx, provider, 'GET', '/api/webhooks');
    expect(listed.body.items.find((w) => w.id === res.body.id)?.contracts).toEqual([{ id: a.id, label: a.label }]);

    received.length = 0;
    for (const p of [a, b]) {
      expect((await call(ctx, owner, 'POST', `/api/contracts/${p.id}/suspend`, { reason: 'Audit' })).status).toBe(200);
    }
    await ctx.runner.drain();
    const scoped = received.filter((r) => r.path === '/scoped');
    expect(scoped.map((r) => [r.json.event, r.json.contract?.id])).toEqual([['contract.state_changed', a.id]]);
    await ctx.app.inject({ method: 'DELETE', url: `/api/webhooks/${res.body.id}`, headers: provider.headers });
  });

  it('retry a failing endpoint on schedule, then give up; a delivery can be sent again', async () => {
    const hook = await declare(provider, '/flaky', ['contract.changes']);
    answers.push(500, 503);
    received.length = 0;
    const ping = await call<WebhookDelivery>(ctx, provider, 'POST', `/api/webhooks/${hook.id}/test`, {});
    expect(ping.status).toBe(202);
    await ctx.runner.drain();
    let [d] = await deliveries(provider, hook.id);
    expect(d).toMatchObject({
      event: 'ping',
      state: 'pending',
      attempts: 1,
      lastStatus: 500,
      lastError: 'Réponse HTTP 500',
    });
    expect(new Date(d?.nextAttemptAt ?? 0).getTime() - ctx.clock.now().getTime()).toBe(RETRY_SCHEDULE_MS[0]);
    await ctx.runner.drain();
    expect((await deliveries(provider, hook.id))[0]?.attempts).toBe(1);
    ctx.clock.advance((RETRY_SCHEDULE_MS[0] ?? 0) + 1000);
    await ctx.runner.drain();
    expect((await deliveries(provider, hook.id))[0]).toMatchObject({ state: 'pending', attempts: 2, lastStatus: 503 });
    ctx.clock.advance((RETRY_SCHEDULE_MS[1] ?? 0) + 1000);
    await ctx.runner.drain();
    [d] = await deliveries(provider, hook.id);
    expect(d).toMatchObject({ state: 'delivered', attempts: 3, lastStatus: 200, nextAttemptAt: null });
    expect(received.map((r) => r.json.event)).toEqual(['ping']);
    verify(received[0] as Received, hook.secret);

    // Always failing: seven attempts over the schedule, then failed.
    answers.push(...Array(RETRY_SCHEDULE_MS.length + 1).fill(500));
    await call(ctx, provider, 'POST', `/api/webhooks/${hook.id}/test`, {});
    await ctx.runner.drain();
    for (const wait of RETRY_SCHEDULE_MS) {
      ctx.clock.advance(wait + 1000);
      await ctx.runner.drain();
    }
    // A day has passed on the test clock: the morning's session has expired.
    provider = await ctx.login('admin@ascenseurs-demo.fr');
    [d] = await deliveries(provider, hook.id);
    expect(d).toMatchObject({ state: 'failed', attempts: RETRY_SCHEDULE_MS.length + 1, nextAttemptAt: null });
    const failedOnly = await call<WebhookDeliveryPage>(
      ctx,
      provider,
      'GET',
      `/api/webhooks/${hook.id}/deliveries?state=failed`,
    );
    expect(failedOnly.body.items.map((x) => x.id)).toEqual([d?.id]);

    // Sent again by hand once the receiver is fixed.
    received.length = 0;
    const again = await call<WebhookDelivery>(
      ctx,
      provider,
      'POST',
      `/api/webhooks/${hook.id}/deliveries/${d?.id}/redeliver`,
      {},
    );
    expect(again.status).toBe(202);
    await ctx.runner.drain();
    expect(received.map((r) => r.json.event)).toEqual(['ping']);
    expect((await deliveries(provider, hook.id))[0]).toMatchObject({ id: again.body.id, state: 'delivered' });

    // Deleted: what was still pending is not sent.
    answers.push(500);
    await call(ctx, provider, 'POST', `/api/webhooks/${hook.id}/test`, {});
    await ctx.runner.drain();
    const pending = (await deliveries(provider, hook.id))[0];
    expect(pending?.state).toBe('pending');
    await ctx.app.inject({ method: 'DELETE', url: `/api/webhooks/${hook.id}`, headers: provider.headers });
    received.length = 0;
    ctx.clock.advance((RETRY_SCHEDULE_MS[0] ?? 0) + 1000);
    await ctx.runner.drain();
    expect(received).toEqual([]);
    const row = await ctx.database.pool.query('SELECT state, last_error FROM webhook_deliveries WHERE id = $1', [
      Number(pending?.id),
    ]);
    expect(row.rows[0]).toMatchObject({ state: 'failed', last_error: 'Webhook supprimé avant l’envoi.' });
  });
});

/** A resolver that knows a few made-up names (the product uses the system's). */
function fakeResolver(names: Record<string, string[]>) {
  const lookup = (hostname: string, options: unknown, callback: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (
      err: NodeJS.ErrnoException | null,
      addresses: Array<{ address: string; family: number }>,
    ) => void;
    const list = names[hostname];
    if (!list) return cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    cb(
      null,
      list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };
  return lookup as unknown as NonNullable<Parameters<typeof sendWebhook>[3]['lookup']>;
}

describe('webhook transport', () => {
  const port = () => (receiver.address() as AddressInfo).port;

  it('in production, refuses a name that resolves to a private address, at the connection itself', async () => {
    const lookup = fakeResolver({
      'hooks.rebind.test': ['127.0.0.1'],
      'hooks.mixed.test': ['203.0.113.7', '10.1.2.3'],
      'hooks.v6.test': ['::1'],
    });
    received.length = 0;
    for (const [host, shown] of [
      ['hooks.rebind.test', '127.0.0.1'],
      ['hooks.mixed.test', '10.1.2.3'],
      ['hooks.v6.test', '::1'],
    ] as const) {
      const attempt = sendWebhook(`http://${host}:${port()}/private`, {}, '{}', {
        allowPrivate: false,
        timeoutMs: 5000,
        lookup,
      });
      await expect(attempt).rejects.toThrow(
        `Adresse refusée : ${host} correspond à une adresse privée ou locale (${shown}).`,
      );
    }
    await expect(
      sendWebhook(`http://127.0.0.1:${port()}/private`, {}, '{}', { allowPrivate: false, timeoutMs: 5000 }),
    ).rejects.toThrow('Adresse refusée : 127.0.0.1 est une adresse privée ou locale.');
    expect(received).toEqual([]);

    // The same name, private addresses allowed (development): it reaches the receiver through the
    // resolver given, so the refusal above came from the address, not from an unknown name.
    const status = await sendWebhook(`http://hooks.rebind.test:${port()}/allowed`, {}, '{"ok":1}', {
      allowPrivate: true,
      timeoutMs: 5000,
      lookup,
    });
    expect(status).toBe(200);
    expect(received.map((r) => r.path)).toEqual(['/allowed']);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
      const error = await sendWebhook(url, {}, '{}', { allowPrivate: true, timeoutMs: 300 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SendError);
      expect(error).toMatchObject({ timeout: true, message: 'Pas de réponse en 300 ms' });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a delivery to a name resolving to a private address is logged as refused and retried, never sent', async () => {
    const hook = await declare(provider, '/rebind', ['contract.changes']);
    // The endpoint's address as an attacker would set it up: a public-looking name.
    await ctx.database.pool.query('UPDATE webhook_endpoints SET url = $1 WHERE id = $2', [
      `https://hooks.rebind.test:${port()}/rebind`,
      hook.id,
    ]);
    received.length = 0;
    const ping = await call<WebhookDelivery>(ctx, provider, 'POST', `/api/webhooks/${hook.id}/test`, {});
    await deliverWebhook(
      {
        db: ctx.database.db,
        clock: ctx.clock,
        config: { webhookAllowInsecure: false },
        lookup: fakeResolver({ 'hooks.rebind.test': ['127.0.0.1'] }),
      },
      Number(ping.body.id),
    );
    const [d] = await deliveries(provider, hook.id);
    expect(d).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastStatus: null,
      lastError: 'Adresse refusée : hooks.rebind.test correspond à une adresse privée ou locale (127.0.0.1).',
    });
    expect(received).toEqual([]);
    await ctx.app.inject({ method: 'DELETE', url: `/api/webhooks/${hook.id}`, headers: provider.headers });
  });
});
