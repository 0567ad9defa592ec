import type { Viewer } from '../../lib/permissions';
import { canUseStudio } from '../../lib/permissions';

/** Only owners create contract projects (the server refuses anyone else). */
export function canCreateContractProject(viewer: Viewer): boolean {
  return canUseStudio(viewer) && viewer.organization.kinds.includes('owner');
}
