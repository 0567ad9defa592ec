import type { Viewer } from '../../lib/permissions';

/** **Patrimoine partagé**: members of the organisations that are parties to contracts. */
export function canBrowseSharedPatrimoine({ user, organization }: Viewer): boolean {
  return !user.isOperator && organization.kinds.length > 0;
}
