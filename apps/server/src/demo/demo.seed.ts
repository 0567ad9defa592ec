import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loadGeneratedPatrimoine } from '../modules/assets/assets.generate.load';
import { hashPassword } from '../modules/auth/auth.passwords';
import { claimMarker } from '../modules/meta/meta.repository';
import { organizationSearchText } from '../modules/organizations/organizations.models';
import { organizations, users } from '../modules/organizations/organizations.tables';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import { seedReference } from './reference.seed';
import { sirenWithKey } from './siren';

export const DEMO_PASSWORD = 'raccord-demo';

type Kind = 'owner' | 'provider' | 'manager';
interface DemoOrg {
  key: string;
  name: string;
  siren8: string;
  kinds: Kind[];
  city: string;
  onboarding: string;
  ready?: boolean;
  platform?: boolean;
  accounts: Array<{ email: string; name: string; role: 'admin' | 'member' }>;
}

export const demoOrganizations: DemoOrg[] = [
  {
    key: 'habitat',
    name: 'Habitat Demo',
    siren8: '41234567',
    kinds: ['owner'],
    city: 'Lyon',
    onboarding: 'contrats@habitat-demo.fr',
    accounts: [
      { email: 'admin@habitat-demo.fr', name: 'Claire Martin', role: 'admin' },
      { email: 'membre@habitat-demo.fr', name: 'Julien Petit', role: 'member' },
    ],
  },
  {
    key: 'logis',
    name: 'Logis Test',
    siren8: '42345678',
    kinds: ['owner'],
    city: 'Marseille',
    onboarding: 'partenaires@logis-test.fr',
    accounts: [{ email: 'admin@logis-test.fr', name: 'Karim Benali', role: 'admin' }],
  },
  {
    key: 'ascenseurs',
    name: 'Ascenseurs Demo',
    siren8: '51234567',
    kinds: ['provider'],
    city: 'Villeurbanne',
    onboarding: 'onboarding@ascenseurs-demo.fr',
    ready: true,
    accounts: [{ email: 'admin@ascenseurs-demo.fr', name: 'Sophie Durand', role: 'admin' }],
  },
  {
    key: 'thermique',
    name: 'Thermique Demo',
    siren8: '52345678',
    kinds: ['provider'],
    city: 'Vénissieux',
    onboarding: 'onboarding@thermique-demo.fr',
    accounts: [{ email: 'admin@thermique-demo.fr', name: 'Thomas Leroy', role: 'admin' }],
  },
  {
    key: 'multiservices',
    name: 'Multiservices Demo',
    siren8: '53456789',
    kinds: ['provider'],
    city: 'Aix-en-Provence',
    onboarding: 'onboarding@multiservices-demo.fr',
    ready: true,
    accounts: [{ email: 'admin@multiservices-demo.fr', name: 'Nadia Haddad', role: 'admin' }],
  },
  {
    key: 'gestion',
    name: 'Gestion Demo',
    siren8: '61234567',
    kinds: ['manager'],
    city: 'Lyon',
    onboarding: 'contact@gestion-demo.fr',
    accounts: [{ email: 'admin@gestion-demo.fr', name: 'Émilie Roux', role: 'admin' }],
  },
  {
    key: 'platform',
    name: 'Raccord — Service client',
    siren8: '90000000',
    kinds: [],
    city: 'Paris',
    onboarding: 'support@raccord.local',
    platform: true,
    accounts: [{ email: 'support@raccord.local', name: 'Service client', role: 'admin' }],
  },
  // More of the directory, so the parties step has something to search.
  {
    key: 'theo',
    name: 'Théo Maintenance',
    siren8: '71234567',
    kinds: ['provider'],
    city: 'Saint-Étienne',
    onboarding: 'contact@theo-maintenance.fr',
    accounts: [],
  },
  {
    key: 'ecl',
    name: 'Éclair Sécurité Incendie',
    siren8: '72345678',
    kinds: ['provider'],
    city: 'Grenoble',
    onboarding: 'contrats@eclair-si.fr',
    ready: true,
    accounts: [],
  },
  {
    key: 'portes',
    name: 'Portes & Portails du Rhône',
    siren8: '73456789',
    kinds: ['provider'],
    city: 'Bron',
    onboarding: 'adv@ppr.fr',
    accounts: [],
  },
  {
    key: 'vmc',
    name: 'Air Sain Ventilation',
    siren8: '74567890',
    kinds: ['provider'],
    city: 'Nîmes',
    onboarding: 'contact@airsain.fr',
    accounts: [],
  },
  {
    key: 'opac',
    name: 'Office Public de l’Habitat Méditerranée',
    siren8: '43456789',
    kinds: ['owner'],
    city: 'Toulon',
    onboarding: 'dsi@oph-med.fr',
    accounts: [],
  },
  {
    key: 'sem',
    name: 'Société d’Économie Mixte Alpes Habitat',
    siren8: '44567890',
    kinds: ['owner', 'manager'],
    city: 'Chambéry',
    onboarding: 'patrimoine@sem-alpes.fr',
    accounts: [],
  },
];

export const demoSiren = (key: string): string => {
  const org = demoOrganizations.find((o) => o.key === key);
  if (!org) throw new Error(`unknown demo organisation ${key}`);
  return sirenWithKey(org.siren8);
};

/**
 * Seeds the demo organisations and accounts, once: a marker row records it, so a restart keeps
 * every change made since (nothing deleted comes back).
 */
export async function seedDemo(
  deps: { db: Db; clock: Clock; engine?: 'pglite' | 'postgresql' },
  opts: { patrimoine?: boolean } = {},
): Promise<boolean> {
  await seedReference(deps);
  // Hashing costs tens of milliseconds: only when the organisations are still to be seeded.
  const done = await deps.db.execute(sql`SELECT 1 FROM app_meta WHERE key = 'demo.seed.v1'`);
  const passwordHash = done.rows.length > 0 ? '' : await hashPassword(DEMO_PASSWORD);
  const seeded = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    if (!(await claimMarker(tx, 'demo.seed.v1', now))) return false;
    for (const o of demoOrganizations) {
      const id = newId('org');
      const siren = sirenWithKey(o.siren8);
      await tx.insert(organizations).values({
        id,
        name: o.name,
        siren,
        kinds: o.kinds,
        city: o.city,
        onboardingEmail: o.onboarding,
        ready: o.ready ?? false,
        isPlatform: o.platform ?? false,
        searchText: organizationSearchText({ name: o.name, siren, city: o.city }),
        createdAt: now,
        updatedAt: now,
      });
      for (const a of o.accounts) {
        await tx.insert(users).values({
          id: newId('usr'),
          organizationId: id,
          email: a.email,
          name: a.name,
          role: a.role,
          passwordHash,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    return true;
  });
  if (opts.patrimoine !== false) await seedDemoPatrimoine({ ...deps, engine: deps.engine ?? 'pglite' });
  return seeded;
}

/** A few thousand generated elements per demo owner, once (marker claimed after the load succeeded). */
export async function seedDemoPatrimoine(deps: { db: Db; clock: Clock; engine: 'pglite' | 'postgresql' }) {
  const done = await deps.db.execute(sql`SELECT 1 FROM app_meta WHERE key = 'demo.patrimoine.v1'`);
  if (done.rows.length > 0) return;
  const owners = [
    { key: 'habitat', elements: 4000, seed: 42, prefix: 'HD-' },
    { key: 'logis', elements: 2500, seed: 7, prefix: 'LT-' },
  ];
  for (const o of owners) {
    const [org] = await deps.db
      .select()
      .from(organizations)
      .where(eq(organizations.siren, demoSiren(o.key)));
    if (org)
      await loadGeneratedPatrimoine(deps, { ownerId: org.id, elements: o.elements, seed: o.seed, prefix: o.prefix });
  }
  await claimMarker(deps.db, 'demo.patrimoine.v1', deps.clock.now());
}
