import type { Organization, User } from '@raccord/schemas';

export interface Viewer {
  user: User;
  organization: Organization;
}

/** Studio is the administrators' console of the organisations that are parties to contracts. */
export function canUseStudio({ user, organization }: Viewer): boolean {
  return user.role === 'admin' && organization.kinds.length > 0;
}

export function canUsePatrimoine({ organization }: Viewer): boolean {
  return organization.kinds.includes('owner');
}

/** Administrators of an owner edit and import its patrimoine; its members only read it. */
export function canEditPatrimoine(viewer: Viewer): boolean {
  return canUsePatrimoine(viewer) && viewer.user.role === 'admin';
}

/** Organisations that are parties to contracts keep service-code catalogues (members read them). */
export function canUseServiceCodes({ organization }: Viewer): boolean {
  return organization.kinds.length > 0;
}

export function canManageTrades({ user }: Viewer): boolean {
  return user.isOperator;
}

export function canReadAudit({ user }: Viewer): boolean {
  return user.isOperator || user.role === 'admin';
}

export function canManageOrganizations({ user }: Viewer): boolean {
  return user.isOperator;
}

/** Members are managed by operators, and by the administrators of their own organisation. */
export function canManageMembers({ user }: Viewer, organizationId: string): boolean {
  return user.isOperator || (user.role === 'admin' && user.organizationId === organizationId);
}

/** Where a user lands after signing in. */
export function homePath(viewer: Viewer): string {
  if (viewer.user.isOperator) return '/organisations';
  if (canUseStudio(viewer)) return '/studio/contrats';
  return '/mon-compte';
}
