import type { ReactNode } from 'react';
import { Forbidden } from '../components/Forbidden';
import { useSession } from '../features/auth/use-session';
import type { Viewer } from '../lib/permissions';

/** Shows a page only to the roles it is for; the menu hides it too, but URLs can be typed. */
export function Allowed({ when, children }: { when: (viewer: Viewer) => boolean; children: ReactNode }) {
  const session = useSession();
  return when(session) ? children : <Forbidden />;
}
