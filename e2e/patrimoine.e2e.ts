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

/** A site, a building, an entrance, two housing units and a lift, with French headers and `;`. */
const goodCsv = [
  'Référence;Référence parent;Type;Type d’équipement;Libellé;Adresse;Code postal;Code INSEE',
  'E2E-SITE;;ensemble immobilier;;Résidence Les Tilleuls;12 rue des Tilleuls;69003;69123',
  'E2E-BAT-A;E2E-SITE;bâtiment;;Bâtiment A;12 rue des Tilleuls;69003;69123',
  'E2E-ENT-1;E2E-BAT-A;entrée;;Entrée 1;;;',
  'E2E-LGT-101;E2E-ENT-1;logement;;Logement 101;;;',
  'E2E-LGT-102;E2E-ENT-1;logement;;Logement 102;;;',
  'E2E-ASC-1;E2E-ENT-1;équipement;ascenseur;Ascenseur Tilleuls;;;',
].join('\n');

/** Unknown type, unknown parent, bad postcode: three precise errors, nothing written. */
const brokenCsv = [
  'reference;parent_reference;kind;label;postcode;commune_code',
  'E2E-BAD-1;;soucoupe;Objet inconnu;69003;69123',
  'E2E-BAD-2;NULLE-PART;building;Bâtiment orphelin;69003;',
  'E2E-BAD-3;;site;Site au code faux;6900;69123',
].join('\n');

async function importFile(page: Page, name: string, content: string) {
  await page.getByRole('button', { name: /Importer$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Importer le patrimoine' });
  await dialog.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(content, 'utf8'),
  });
  return dialog;
}

describe('patrimoine journey', () => {
  it('browses, searches, imports a CSV and shows the errors of a broken one', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 }, locale: 'fr-FR' });
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel('Adresse e-mail').fill('admin@habitat-demo.fr');
    await page.getByLabel('Mot de passe').fill('raccord-demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Contrat à raccorder').first().waitFor();

    await page.getByRole('menuitem', { name: /Patrimoine$/ }).click();
    await page.getByRole('region', { name: 'Patrimoine' }).getByText('Logements').waitFor();
    await page.getByRole('region', { name: 'Équipements' }).getByText('Ascenseurs').waitFor();
    const tree = page.getByRole('tree', { name: 'Arborescence' });
    await tree.getByRole('treeitem').first().waitFor();
    await screenshot(page, 'patrimoine-01-overview');

    // Expand the first branch, level by level, until a building shows.
    for (let level = 1; level <= 5; level++) {
      if ((await tree.locator('[role=treeitem]', { hasText: 'Bâtiment' }).count()) > 0) break;
      const row = tree.locator(`[role=treeitem][aria-level="${level}"]`).first();
      await row.getByRole('button', { name: 'Déplier' }).click();
      await tree
        .locator(`[role=treeitem][aria-level="${level + 1}"]`)
        .first()
        .waitFor();
    }
    const building = tree.locator('[role=treeitem]', { hasText: 'Bâtiment' }).first();
    await building.click();
    await expect.poll(() => building.getAttribute('aria-selected')).toBe('true');
    await page.getByText('Caractéristiques').waitFor();
    await screenshot(page, 'patrimoine-02-building');

    // Search: accents and case ignored; picking a hit expands the tree down to it.
    await page.getByLabel('Rechercher dans le patrimoine').fill('ASCENSEUR');
    const option = page.locator('.ant-select-item-option').first();
    await option.waitFor();
    await screenshot(page, 'patrimoine-03-search');
    await option.click();
    await tree.locator('[role=treeitem][aria-selected=true]', { hasText: 'Ascenseur' }).waitFor();
    await screenshot(page, 'patrimoine-04-search-hit');

    // A good file: it succeeds and the new elements are in the tree.
    let dialog = await importFile(page, 'tilleuls.csv', goodCsv);
    await dialog.getByText('Import terminé : 6 lignes appliquées.').waitFor({ timeout: 30_000 });
    await screenshot(page, 'patrimoine-05-import-success');
    await dialog.getByRole('button', { name: 'Fermer' }).last().click();
    await page.getByLabel('Rechercher dans le patrimoine').fill('tilleuls');
    await page.locator('.ant-select-item-option', { hasText: 'E2E-ASC-1' }).click();
    await tree.locator('[role=treeitem][aria-selected=true]', { hasText: 'Ascenseur Tilleuls' }).waitFor();
    await page.getByText('Entrée 1', { exact: true }).first().waitFor();

    // An administrator edits an element's label, then deletes a housing unit after confirming.
    await page.getByRole('button', { name: /Modifier$/ }).click();
    const edit = page.getByRole('dialog', { name: /Modifier/ });
    await edit.getByLabel('Libellé').fill('Ascenseur Tilleuls A');
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await tree.locator('[role=treeitem]', { hasText: 'Ascenseur Tilleuls A' }).waitFor();
    await tree.locator('[role=treeitem]', { hasText: 'Logement 102' }).click();
    await page.getByRole('button', { name: /Supprimer$/ }).click();
    await page
      .getByRole('dialog', { name: /Supprimer « Logement 102 »/ })
      .getByRole('button', { name: 'Supprimer' })
      .click();
    await page.getByText('Aucun élément sélectionné').waitFor();
    await expect.poll(() => tree.locator('[role=treeitem]', { hasText: 'Logement 102' }).count()).toBe(0);

    // A broken file: every error listed, nothing changed.
    dialog = await importFile(page, 'casse.csv', brokenCsv);
    await dialog.getByText('Aucune modification n’a été faite', { exact: false }).waitFor({ timeout: 30_000 });
    const errors = dialog.getByRole('table');
    await errors.getByText('soucoupe', { exact: true }).waitFor();
    await errors.getByText('NULLE-PART').first().waitFor();
    await screenshot(page, 'patrimoine-06-import-errors');
    await dialog.getByRole('button', { name: 'Fermer' }).last().click();

    const history = page.getByRole('region', { name: 'Imports récents' });
    await history.getByText('casse.csv').waitFor();
    await history.getByText('tilleuls.csv').waitFor();
    const bad = await page.evaluate(async () => (await fetch('/api/assets?q=E2E-BAD')).json());
    expect(bad.items).toHaveLength(0);
    await screenshot(page, 'patrimoine-07-history');

    await page.getByText('EN', { exact: true }).first().click();
    await page.getByRole('region', { name: 'Recent imports' }).waitFor();
    await screenshot(page, 'patrimoine-08-english');
    await page.close();
  });
});
