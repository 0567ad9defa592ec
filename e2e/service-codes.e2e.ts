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

/** An API session (the contract itself is set up through the API: its wizard has its own journey). */
async function apiSession(email: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'raccord-demo' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}

/** An active lift contract between Habitat Demo and Ascenseurs Demo. */
async function activeContract(): Promise<string> {
  const owner = await apiSession('admin@habitat-demo.fr');
  const provider = await apiSession('admin@ascenseurs-demo.fr');
  const trades = await owner<{ items: Array<{ id: string; code: string }> }>('GET', '/api/trades');
  const lift = trades.items.find((t) => t.code === 'ASCENSEURS')?.id;
  const dir = await owner<{ items: Array<{ id: string; name: string }> }>('GET', '/api/organizations?q=ascenseurs');
  const providerId = dir.items.find((o) => o.name === 'Ascenseurs Demo')?.id;
  type P = { id: string; version: number; state: string };
  // The region of the demo patrimoine with the most lifts.
  const tree = await owner<{ items: Array<{ node: { code: string }; counts: Record<string, number> }> }>(
    'GET',
    '/api/assets/tree',
  );
  const region = [...tree.items].sort(
    (a, b) => (b.counts['equipment.lift'] ?? 0) - (a.counts['equipment.lift'] ?? 0),
  )[0]?.node.code;
  const created = await owner<P>('POST', '/api/contract-projects', { label: 'Ascenseurs — codes de prestation' });
  const patched = await owner<P>('PATCH', `/api/contract-projects/${created.id}`, {
    version: created.version,
    tradeId: lift,
    providerId,
    parties: { owner: { reference: 'HAB-CODES-E2E' } },
    perimeter: { include: [{ kind: 'region', code: region ?? '' }], exclude: [] },
    sharedTypes: ['equipment.lift'],
  });
  const notified = await owner<P>('POST', `/api/contract-projects/${created.id}/notify`, {
    version: patched.version,
    invitees: [{ role: 'provider', email: 'admin@ascenseurs-demo.fr' }],
  });
  await provider<P>('POST', `/api/contract-projects/${created.id}/submit`, {
    version: notified.version,
    reference: 'ASC-CODES-E2E',
  });
  await owner<P>('POST', `/api/contract-projects/${created.id}/validate`, {});
  for (let i = 0; i < 120; i++) {
    const p = await owner<P>('GET', `/api/contract-projects/${created.id}`);
    if (p.state === 'active') return created.id;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('contract not active after 60 s');
}

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`${server.url}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('raccord-demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/connexion'));
  return page;
}

async function importCatalogue(page: Page, csv: string, shot: string) {
  await page.goto(`${server.url}/codes-prestation`);
  await page.getByRole('button', { name: 'Importer un CSV' }).click();
  await page.locator('.ant-modal input[type=file]').setInputFiles({
    name: 'codes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByText('Import terminé').waitFor();
  await screenshot(page, shot);
}

/** Clicks the first button of this name until none is left, waiting for the table's version each time. */
async function clickAll(page: Page, name: string, version: number): Promise<number> {
  let v = version;
  for (;;) {
    const button = page.getByRole('button', { name, exact: true }).first();
    if ((await button.count()) === 0) return v;
    await button.click();
    v += 1;
    await page.getByText(`version ${v}`, { exact: true }).waitFor();
  }
}

describe('service codes journey', () => {
  it('owner and provider import catalogues, align with suggestions, submit; the operator integrates; a later log shows the owner its code', async () => {
    const contractId = await activeContract();

    const owner = await signedIn('admin@habitat-demo.fr');
    await importCatalogue(
      owner,
      'code;libellé\nVE;Visite d’entretien\nCT;Contrôle technique quinquennal',
      'codes-1-owner-import',
    );
    const provider = await signedIn('admin@ascenseurs-demo.fr');
    await importCatalogue(
      provider,
      'code,label,work type\nP960,Contrôle technique quinquennal réglementaire,preventive',
      'codes-2-provider-import',
    );

    await owner.goto(`${server.url}/contrats/projets/${contractId}#codes`);
    await owner.getByText('À aligner').waitFor();
    await owner.getByText('Libellés proches').first().waitFor();
    const proposed = await clickAll(owner, 'Proposer', 1);
    expect(proposed).toBe(6); // VE, DEP, DESINC, CT, TRX: five suggestions accepted
    await owner.getByText('Proposés', { exact: true }).first().waitFor();
    await screenshot(owner, 'codes-3-owner-proposed');

    await provider.goto(`${server.url}/contrats/projets/${contractId}#codes`);
    await provider.getByText(`version ${proposed}`, { exact: true }).waitFor();
    const accepted = await clickAll(provider, 'Accepter', proposed);
    expect(accepted).toBe(11);
    await provider.getByText('Alignés', { exact: true }).first().waitFor();
    await provider.getByRole('button', { name: 'Transmettre au service client' }).click();
    await provider.getByText('Transmis', { exact: true }).first().waitFor();
    await screenshot(provider, 'codes-4-provider-submitted');

    const operator = await signedIn('support@raccord.local');
    await operator.goto(`${server.url}/service-client/codes-prestation`);
    await operator.getByText('Ascenseurs — codes de prestation').waitFor();
    await operator.getByRole('button', { name: 'Examiner' }).click();
    await operator.getByRole('button', { name: 'Intégrer au contrat' }).click();
    await operator.getByText('Intégrés', { exact: true }).first().waitFor();
    await screenshot(operator, 'codes-5-operator-integrated');

    await owner.reload();
    await owner.getByText('Intégrés', { exact: true }).first().waitFor();

    // A log sent afterwards with the provider's code: the owner reads its own code.
    const providerApi = await apiSession('admin@ascenseurs-demo.fr');
    for (let i = 0; i < 120; i++) {
      const sync = await providerApi<{ state: string }>('GET', `/api/contracts/${contractId}/sync`);
      if (sync.state === 'done') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const shared = await providerApi<{ items: Array<{ reference: string }> }>(
      'GET',
      `/api/contracts/${contractId}/assets?limit=1`,
    );
    const sent = await providerApi<{ accepted: number; results: unknown[] }>('POST', '/api/operations/logs', {
      reference: 'VISITE-2026-12',
      contractReference: 'ASC-CODES-E2E',
      status: 'closed',
      event: 'done',
      eventDate: new Date().toISOString(),
      serviceCode: 'P902',
      location: { assetReference: shared.items[0]?.reference },
      workType: 'preventive',
    });
    if (sent.accepted !== 1) throw new Error(`log not accepted: ${JSON.stringify(sent)}`);
    await owner.getByRole('tab', { name: 'Connecteur et opérations' }).click();
    const row = owner.locator('tr', { hasText: 'VISITE-2026-12' });
    await row.getByText('envoyé : P902').waitFor();
    await screenshot(owner, 'codes-6-owner-reads-own-code');
    // The owner's own code, VE, paired with P902 in the integrated table.
    expect(await row.getByText('VE', { exact: true }).count()).toBe(1);
  }, 240_000);
});
