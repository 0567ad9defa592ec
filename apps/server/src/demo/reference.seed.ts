import type { Db } from '../db/client';
import { claimMarker } from '../modules/meta/meta.repository';
import { trades } from '../modules/trades/trades.tables';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';

/** The initial list of métiers (domain.md); operators maintain it afterwards. */
export const initialTrades: Array<[string, string]> = [
  ['ASCENSEURS', 'Ascenseurs'],
  ['CHAUFFAGE_COLLECTIF', 'Chauffage collectif'],
  ['CHAUDIERES_INDIVIDUELLES', 'Chaudières individuelles'],
  ['EAU_CHAUDE_SANITAIRE', 'Eau chaude sanitaire'],
  ['PLOMBERIE', 'Robinetterie / plomberie'],
  ['MULTITECHNIQUE', 'Multiservices (multitechnique)'],
  ['VMC', 'VMC / ventilation'],
  ['PORTES_PORTAILS', 'Portes et portails automatiques'],
  ['SECURITE_INCENDIE', 'Sécurité incendie'],
  ['CONTROLE_ACCES', 'Contrôle d’accès / interphonie'],
  ['NETTOYAGE', 'Nettoyage des parties communes'],
  ['ESPACES_VERTS', 'Espaces verts'],
  ['3D', 'Désinsectisation / dératisation (3D)'],
  ['COMPTEURS', 'Compteurs / télérelève'],
  ['DIAGNOSTICS', 'Diagnostics'],
  ['ELECTRICITE', 'Électricité'],
];

/** Reference data every installation needs, inserted once. */
export async function seedReference(deps: { db: Db; clock: Clock }): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    if (!(await claimMarker(tx, 'reference.trades.v1', now))) return;
    await tx
      .insert(trades)
      .values(initialTrades.map(([code, label]) => ({ id: newId('trd'), code, label, createdAt: now, updatedAt: now })))
      .onConflictDoNothing();
  });
}
