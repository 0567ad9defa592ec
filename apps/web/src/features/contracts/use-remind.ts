import type { ContractProjectSummary, InviteeRole } from '@raccord/schemas';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRemindParty } from './use-contract-mutations';

const remindableStates = new Set(['awaiting_parties', 'ready_to_validate']);

/** The invitees that can be reminded: notified, not done yet. */
export function remindable(project: ContractProjectSummary) {
  if (!remindableStates.has(project.state)) return [];
  return project.parties.filter(
    (p): p is typeof p & { role: InviteeRole } => p.role !== 'owner' && p.submittedAt === null && p.invitation !== null,
  );
}

/** **Relancer**: resends one invitee's invitation and says so (list and project page alike). */
export function useRemind(projectId: string, targets: ReturnType<typeof remindable>, onError: (e: unknown) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remind = useRemindParty();
  const send = (role: InviteeRole) => {
    const party = targets.find((p) => p.role === role);
    remind.mutate(
      { id: projectId, role },
      {
        onSuccess: () =>
          void message.success(
            t('contracts.actions.reminded', { name: party?.organization.name, email: party?.invitation?.email }),
          ),
        onError,
      },
    );
  };
  return { send, pending: remind.isPending };
}
