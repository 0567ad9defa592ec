import type { Browser } from 'playwright-core';
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

describe('sign-in journey', () => {
  it('signs in as an owner admin, switches to English and back, and signs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'fr-FR' });
    await page.goto(server.url);
    await page.getByLabel('Adresse e-mail').waitFor();
    await screenshot(page, '01-sign-in');

    await page.getByLabel('Adresse e-mail').fill('admin@habitat-demo.fr');
    await page.getByLabel('Mot de passe').fill('mauvais-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Adresse e-mail ou mot de passe incorrect', { exact: false }).waitFor();

    await page.getByLabel('Mot de passe').fill('raccord-demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Habitat Demo').first().waitFor();
    await page.getByText('Contrat à raccorder').first().waitFor();
    await screenshot(page, '02-studio');

    await page.getByText('EN', { exact: true }).first().click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await screenshot(page, '03-english');
    // The choice is remembered across a reload.
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByText('FR', { exact: true }).first().click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByLabel('Adresse e-mail').waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).status);
    expect(session).toBe(401);
    await page.close();
  });

  it('shows operators the directory administration and not the Studio', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel('Adresse e-mail').fill('support@raccord.local');
    await page.getByLabel('Mot de passe').fill('raccord-demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Métiers').first().waitFor();
    await page.getByText('Théo Maintenance').first().waitFor();
    await screenshot(page, '04-operator-directory');
    expect(await page.getByText('Contrat à raccorder').count()).toBe(0);
    await page.close();
  });
});
