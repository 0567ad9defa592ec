import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let receiver: Server;
let receiverUrl = '';
const received: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/raccord`;
  // A receiver on this machine: http:// to a loopback address is allowed explicitly.
  server = await startServer({ WEBHOOK_ALLOW_INSECURE: '1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('webhooks journey', () => {
  it('a provider admin adds a webhook, keeps its secret, sends a test and reads the delivery log', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel('Adresse e-mail').fill('admin@ascenseurs-demo.fr');
    await page.getByLabel('Mot de passe').fill('raccord-demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/connexion'));

    await page.getByRole('menuitem', { name: 'Webhooks' }).click();
    await page.getByText('Aucun webhook').waitFor();
    await page.getByRole('button', { name: 'Ajouter un webhook' }).first().click();
    await page.getByLabel('Adresse de réception (https://…)').fill(receiverUrl);
    await page.getByLabel('Description').fill('GMAO production');
    // Limited to no contract: every contract of the organisation, future ones included.
    await page.getByText('Tous les contrats (y compris les futurs)').waitFor();
    await page.getByLabel('Contrats').click();
    await page.waitForTimeout(400);
    await screenshot(page, 'webhooks-00-form');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    await screenshot(page, 'webhooks-01-secret-shown-once');
    await page.getByRole('button', { name: 'J’ai copié le secret' }).click();
    await page.getByTestId('webhook-secret').waitFor({ state: 'detached' });
    await page.getByText(receiverUrl).waitFor();
    await page.getByText('Tous les contrats', { exact: true }).waitFor();
    expect(await page.getByText(secret).count()).toBe(0);

    await page.getByRole('button', { name: 'Envoyer un test' }).click();
    await page.getByText('Test envoyé').waitFor();
    await page.getByRole('button', { name: 'Journal des envois' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('ping', { exact: true }).waitFor();
    await drawer.getByText('Livré', { exact: true }).waitFor({ timeout: 20_000 });
    await drawer.getByText(/HTTP 204/).waitFor();
    await page.waitForTimeout(500); // the drawer's opening animation
    await screenshot(page, 'webhooks-02-delivery-log');

    // The receiver got one signed POST; the signature checks out with the secret shown once.
    expect(received).toHaveLength(1);
    const got = received[0];
    const header = String(got?.headers['raccord-signature']);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${got?.body}`).digest('hex'));
    expect(JSON.parse(got?.body ?? '{}')).toMatchObject({ event: 'ping' });

    await drawer.getByRole('button', { name: 'Fermer' }).click();
    await page.getByText(/^Journal des envois — /).waitFor({ state: 'hidden' });
    await page.getByText('Livré', { exact: true }).first().waitFor();
    await screenshot(page, 'webhooks-03-list');
    await page.close();
  });
});
