import { normalizeForSearch, type Organization, type OrganizationKind, type User } from '@raccord/schemas';
import type { organizations, users } from './organizations.tables';

export type OrganizationRow = typeof organizations.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export function organizationSearchText(o: { name: string; siren: string; city: string | null }): string {
  return normalizeForSearch(`${o.name} ${o.siren} ${o.city ?? ''}`);
}

/** Search terms as LIKE patterns over the normalized text (every term must match). */
export function directoryPatterns(q: string | undefined): string[] {
  if (!q) return [];
  return normalizeForSearch(q)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, 6)
    .map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

export function toOrganization(r: OrganizationRow): Organization {
  return {
    id: r.id,
    name: r.name,
    siren: r.siren,
    kinds: r.kinds as OrganizationKind[],
    city: r.city,
    onboardingEmail: r.onboardingEmail,
    ready: r.ready,
    isPlatform: r.isPlatform,
    createdAt: r.createdAt.toISOString(),
  };
}

export function toUser(r: UserRow, org: { isPlatform: boolean }): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    isOperator: org.isPlatform,
    locale: r.locale,
    organizationId: r.organizationId,
    isActive: r.isActive,
    lastLoginAt: r.lastLoginAt ? r.lastLoginAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
  };
}
