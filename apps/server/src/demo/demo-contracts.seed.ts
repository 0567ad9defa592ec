import { eq } from 'drizzle-orm';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { createProject } from '../modules/contracts/contracts.create';
import { notifyParties } from '../modules/contracts/contracts.invitations';
import { updateProject } from '../modules/contracts/contracts.update';
import { claimMarker } from '../modules/meta/meta.repository';
import { organizations, users } from '../modules/organizations/organizations.tables';
import { trades } from '../modules/trades/trades.tables';
import type { UserActor } from '../shared/actor';
import type { Clock } from '../shared/clock';

async function actorFor(db: Db, email: string): Promise<UserActor | null> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  if (!u) return null;
  return {
    kind: 'user',
    userId: u.id,
    organizationId: u.organizationId,
    role: u.role,
    isOperator: false,
    email: u.email,
    name: u.name,
    ip: null,
    userAgent: 'seed',
  };
}

async function idOf(db: Db, name: string) {
  const [o] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
  return o?.id ?? null;
}

async function tradeOf(db: Db, code: string) {
  const [t] = await db.select({ id: trades.id }).from(trades).where(eq(trades.code, code));
  return t?.id ?? null;
}

/**
 * Two demo projects for the console, through the usecases (so they are what a user would make):
 * a draft at step 5 and a tripartite project awaiting the provider and the third party. Steps 5 and 6
 * are left to the user (the patrimoine is the assets module's demo data). Once, behind a marker.
 */
export async function seedDemoContracts(deps: {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'invitationTtlMs' | 'publicUrl'>;
}): Promise<boolean> {
  const claimed = await deps.db.transaction((tx) => claimMarker(tx, 'demo.contracts.v1', deps.clock.now()));
  if (!claimed) return false;
  const admin = await actorFor(deps.db, 'admin@habitat-demo.fr');
  const [ascenseurs, thermique, gestion] = await Promise.all([
    idOf(deps.db, 'Ascenseurs Demo'),
    idOf(deps.db, 'Thermique Demo'),
    idOf(deps.db, 'Gestion Demo'),
  ]);
  const [lifts, heating] = await Promise.all([tradeOf(deps.db, 'ASCENSEURS'), tradeOf(deps.db, 'CHAUFFAGE_COLLECTIF')]);
  if (!admin || !ascenseurs || !thermique || !gestion || !lifts || !heating) return false;

  const draft = await createProject(deps, admin, {
    label: 'Maintenance des ascenseurs — Lyon Est',
    description: 'Entretien, dépannage et visites réglementaires des ascenseurs des groupes de Lyon Est.',
    tags: [
      { key: 'secteur', value: 'Lyon Est' },
      { key: 'marché', value: 'AO-2026-014' },
    ],
    reference: 'HAB-ASC-2026-01',
  });
  await updateProject(deps, admin, draft.id, {
    version: draft.version,
    tradeId: lifts,
    providerId: ascenseurs,
    parties: { owner: { contacts: [{ name: 'Claire Martin', email: 'admin@habitat-demo.fr' }] } },
  });

  const tri = await createProject(deps, admin, {
    label: 'Chauffage collectif — Villeurbanne',
    description: 'Exploitation des chaufferies collectives, avec Gestion Demo comme gestionnaire.',
    tags: [{ key: 'secteur', value: 'Villeurbanne' }],
    reference: 'HAB-CHAUF-2026-02',
  });
  const filled = await updateProject(deps, admin, tri.id, {
    version: tri.version,
    tradeId: heating,
    providerId: thermique,
    thirdPartyId: gestion,
    parties: { owner: { contacts: [{ name: 'Claire Martin', phone: '04 72 00 00 01' }] } },
  });
  await notifyParties(deps, admin, tri.id, {
    version: filled.version,
    invitees: [
      { role: 'provider', email: 'admin@thermique-demo.fr' },
      { role: 'thirdParty', email: 'admin@gestion-demo.fr' },
    ],
  });
  return true;
}
