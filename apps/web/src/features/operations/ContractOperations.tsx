import type { ContractProjectDetail } from '@raccord/schemas';
import { Flex } from 'antd';
import { useSession } from '../auth/use-session';
import { ConnectorPanel } from './ConnectorPanel';
import { OperationsSection } from './OperationsSection';

/**
 * What follows validation on the contract page: the connector's activation and the operations.
 * Shown to the parties of a contract whose terms are frozen (active, suspended or terminated).
 */
export function ContractOperations({ project }: { project: ContractProjectDetail }) {
  const session = useSession();
  const role = project.parties.find((p) => p.organization.id === session.organization.id)?.role;
  if (!project.frozenTerms || role === undefined) return null;
  return (
    <Flex vertical gap={16}>
      <ConnectorPanel contractId={project.id} />
      <OperationsSection
        contractId={project.id}
        isOwner={role === 'owner'}
        canUpload={role !== 'owner' && project.state === 'active'}
      />
    </Flex>
  );
}
