import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { claimMarker } from '../modules/meta/meta.repository';
import { organizations } from '../modules/organizations/organizations.tables';
import { parseCatalogueCsv } from '../modules/service-codes/service-codes.models';
import { serviceCodes } from '../modules/service-codes/service-codes.tables';
import { trades } from '../modules/trades/trades.tables';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';

/** Habitat Demo's lift codes (the owner's vocabulary). */
export const demoOwnerLiftCodes = [
  'code;libellé;type de travaux;description',
  'VE;Visite d’entretien;préventif;Visite réglementaire toutes les six semaines',
  'DEP;Dépannage ascenseur;correctif;Intervention sur appel, appareil à l’arrêt ou dégradé',
  'DESINC;Désincarcération;correctif;Personne bloquée en cabine',
  'CT;Contrôle technique quinquennal;préventif;',
  'TRX;Travaux de modernisation;correctif;',
].join('\n');

/** Ascenseurs Demo's codes for the same services, in its own words. */
export const demoProviderLiftCodes = [
  'code;libellé;type de travaux;description',
  'P902;Visite entretien périodique;préventif;',
  'P910;Dépannage appareil;correctif;',
  'P920;Désincarcération de personnes;correctif;',
  'P950;Travaux modernisation cabine;correctif;',
  'P999;Nettoyage cuvette;préventif;',
].join('\n');

/** A small lift catalogue for the demo owner and provider, once (behind a marker). */
export async function seedDemoServiceCodes(deps: { db: Db; clock: Clock }): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    if (!(await claimMarker(tx, 'demo.service_codes.v1', now))) return false;
    const [lift] = await tx.select({ id: trades.id }).from(trades).where(eq(trades.code, 'ASCENSEURS'));
    if (!lift) return false;
    for (const [name, csv] of [
      ['Habitat Demo', demoOwnerLiftCodes],
      ['Ascenseurs Demo', demoProviderLiftCodes],
    ] as const) {
      const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
      if (!org) continue;
      for (const l of parseCatalogueCsv(csv).lines) {
        await tx.insert(serviceCodes).values({
          id: newId('svc'),
          organizationId: org.id,
          tradeId: lift.id,
          code: l.code,
          label: l.label,
          workType: l.workType,
          description: l.description,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    return true;
  });
}
