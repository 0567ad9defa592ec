import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface ApiSession {
  cookie: string;
  csrf: string;
}

/** Harness set-up through the API (the wizard has its own journey): sign in as a demo account. */
async function apiLogin(email: string): Promise<ApiSession> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'raccord-demo' }),
  });
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken };
}

async function api<T>(s: ApiSession, method: string, path: string, payload?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** The demo patrimoine loads once the server listens: wait until its count stops growing. */
async function waitForDemoPatrimoine(owner: ApiSession) {
  let previous = -1;
  for (let i = 0; i < 120; i++) {
    const { total } = await api<{ total: number }>(owner, 'GET', '/api/assets/totals');
    if (total > 0 && total === previous) return;
    previous = total;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('demo patrimoine not loaded after 60 s');
}

/** A lift contract over Provence-Alpes-Côte d'Azur, the provider's block filled: ready to validate. */
async function readyContract(owner: ApiSession, provider: ApiSession): Promise<string> {
  const orgs = await api<{ items: Array<{ id: string; name: string }> }>(
    owner,
    'GET',
    '/api/organizations?q=Ascenseurs',
  );
  const providerId = orgs.items.find((o) => o.name === 'Ascenseurs Demo')?.id;
  const trades = await api<Array<{ id: string; code: string }> | { items: Array<{ id: string; code: string }> }>(
    owner,
    'GET',
    '/api/trades',
  );
  const tradeId = (Array.isArray(trades) ? trades : trades.items).find((t) => t.code === 'ASCENSEURS')?.id;
  type P = { id: string; version: number };
  const created = await api<P>(owner, 'POST', '/api/contract-projects', { label: 'Ascenseurs — Provence' });
  const patched = await api<P>(owner, 'PATCH', `/api/contract-projects/${created.id}`, {
    version: created.version,
    tradeId,
    providerId,
    parties: { owner: { reference: 'HAB-ASC-PACA-2026', contacts: [{ name: 'Claire Martin' }] } },
    perimeter: { include: [{ kind: 'region', code: '93' }], exclude: [] },
    sharedTypes: ['building', 'equipment.lift'],
  });
  const notified = await api<P>(owner, 'POST', `/api/contract-projects/${created.id}/notify`, {
    version: patched.version,
    invitees: [{ role: 'provider', email: 'admin@ascenseurs-demo.fr' }],
  });
  await api<P>(provider, 'POST', `/api/contract-projects/${created.id}/submit`, {
    version: notified.version,
    reference: 'ASC-PACA-2026',
    contacts: [{ email: 'sophie.durand@ascenseurs-demo.fr' }],
  });
  return created.id;
}

async function signIn(page: Page, email: string) {
  await page.goto(`${server.url}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('raccord-demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/connexion'));
}

describe('sharing journey', () => {
  it('validates a contract, watches the synchronisation; a provider key pulls the shared set and activates the connector', async () => {
    const ownerApi = await apiLogin('admin@habitat-demo.fr');
    const providerApi = await apiLogin('admin@ascenseurs-demo.fr');
    await waitForDemoPatrimoine(ownerApi);
    const contractId = await readyContract(ownerApi, providerApi);

    // The owner validates and watches the synchronisation on the contract page.
    const owner = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
    await signIn(owner, 'admin@habitat-demo.fr');
    await owner.goto(`${server.url}/contrats/projets/${contractId}`);
    await owner.getByRole('button', { name: 'Valider le contrat' }).click();
    await owner.locator('.ant-popconfirm').getByRole('button', { name: 'Valider le contrat' }).click();
    await owner.getByText('Synchronisation', { exact: true }).waitFor({ timeout: 60_000 });
    await owner.getByText('Terminée', { exact: true }).waitFor({ timeout: 60_000 });
    const progress = await owner.getByText(/éléments synchronisés sur/).textContent();
    const [done, total] = (progress ?? '').match(/\d[\d\s\u202f]*/g)?.map((n) => Number(n.replace(/\D/g, ''))) ?? [];
    expect(total).toBeGreaterThan(0);
    expect(done).toBe(total);
    await screenshot(owner, 'sharing-01-owner-sync-done');

    // The provider creates a key; it is shown once.
    const provider = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
    await signIn(provider, 'admin@ascenseurs-demo.fr');
    await provider.getByRole('menuitem', { name: 'Clés d’API' }).click();
    await provider.getByRole('button', { name: 'Créer une clé' }).first().click();
    await provider.getByLabel('Nom').fill('Connecteur GMAO');
    // Every key expires: one year unless chosen otherwise.
    await provider.getByLabel('Validité').click();
    await provider.getByTitle('90 jours').click();
    await provider.getByRole('button', { name: 'Créer', exact: true }).click();
    const secret = (await provider.getByTestId('api-key-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^rk_/);
    const expiry = new Date(Date.now() + 90 * 86_400_000).toLocaleDateString('fr-FR');
    await provider.getByText(`Cette clé expire le ${expiry}.`).waitFor();
    await screenshot(provider, 'sharing-02-provider-key-created');
    await provider.getByRole('button', { name: 'J’ai copié la clé' }).click();
    await provider.getByTestId('api-key-secret').waitFor({ state: 'detached' });
    expect(await provider.getByText(secret).count()).toBe(0);
    await provider.getByText('Connecteur GMAO', { exact: true }).waitFor();
    await provider.getByText(`Expire le ${expiry}`).waitFor();
    // A key made through the API for 10 days: the page says it expires soon, at the top.
    const short = await provider.evaluate(async () => {
      const session = await (await fetch('/api/auth/session')).json();
      const res = await fetch('/api/api-keys', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ name: 'Clé de recette', expiresInDays: 10 }),
      });
      return res.status;
    });
    expect(short).toBe(201);
    await provider.reload();
    await provider
      .getByTestId('api-keys-expiring')
      .getByText('La clé « Clé de recette » expire dans moins de 14 jours.')
      .waitFor();
    await provider.waitForTimeout(400); // the table's fade-in after the reload
    await screenshot(provider, 'sharing-02b-provider-key-expiring');

    // The provider sees the shared patrimoine in the console.
    await provider.getByRole('menuitem', { name: 'Patrimoine partagé' }).click();
    await provider.getByText("Provence-Alpes-Côte d'Azur").first().waitFor();
    await provider.getByRole('tab', { name: 'Liste' }).click();
    await provider.locator('.ant-pagination-total-text', { hasText: `${total} éléments` }).waitFor();
    await screenshot(provider, 'sharing-03-provider-shared-list');

    // A connector, with the key only, pulls the set page by page, then the change feed.
    const auth = { authorization: `Bearer ${secret}` };
    const ids: string[] = [];
    const lifts: string[] = [];
    let after: string | null = null;
    let feedCursor = '0';
    do {
      const query: string = after ? `&after=${after}` : '';
      const res = await fetch(`${server.url}/api/contracts/${contractId}/assets?limit=20${query}`, { headers: auth });
      expect(res.status).toBe(200);
      const page = (await res.json()) as {
        items: Array<{ id: string; reference: string; type: string }>;
        next: string | null;
        feedCursor: string;
      };
      ids.push(...page.items.map((i) => i.id));
      lifts.push(...page.items.filter((i) => i.type === 'equipment.lift').map((i) => i.reference));
      after = page.next;
      feedCursor = page.feedCursor;
    } while (after);
    expect(new Set(ids).size).toBe(total);
    const feed = await fetch(`${server.url}/api/contracts/${contractId}/changes?after=${feedCursor}`, {
      headers: auth,
    });
    expect(feed.status).toBe(200);
    expect(((await feed.json()) as { items: unknown[] }).items).toEqual([]);

    // The connector sends its first operation; the owner sees the connector become active.
    await owner.getByRole('tab', { name: 'Connecteur et opérations' }).click();
    await owner.getByText('En attente de premières données').first().waitFor();
    const sent = await fetch(`${server.url}/api/operations/logs`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        reference: 'INT-2026-0001',
        contractReference: 'ASC-PACA-2026',
        status: 'open',
        event: 'requested',
        eventDate: new Date().toISOString(),
        serviceCode: 'P902',
        location: { assetReference: lifts[0] },
        workType: 'corrective',
        description: 'Ascenseur bloqué au 3e étage',
      }),
    });
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as { accepted: number }).accepted).toBe(1);
    await owner.reload();
    const panel = owner.locator('.ant-card', { hasText: 'Activation du connecteur' });
    await panel.getByText('Actif', { exact: true }).waitFor();
    await owner.getByText('INT-2026-0001').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshot(owner, 'sharing-04-owner-connector-active');

    // The owner suspends with a reason: the key no longer reads the set, the page says why.
    await owner.getByRole('tab', { name: 'Synthèse' }).click();
    await owner.getByRole('button', { name: 'Suspendre' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Suspendre le contrat' });
    await dialog.getByLabel('Motif').fill('Audit des accès en cours');
    await dialog.getByRole('button', { name: 'Suspendre' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await owner.getByText(/^Contrat suspendu le/).waitFor();
    await owner.getByText('Audit des accès en cours').first().waitFor();
    await screenshot(owner, 'sharing-05-owner-suspended');
    const refused = await fetch(`${server.url}/api/contracts/${contractId}/assets`, { headers: auth });
    expect(refused.status).toBe(409);
    await owner.close();
    await provider.close();
  });
});
