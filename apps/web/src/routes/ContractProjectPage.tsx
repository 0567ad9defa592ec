import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../features/auth/use-session';
import { StateTag } from '../features/contracts/ContractTags';
import { formatDate, partyOf } from '../features/contracts/contract-format';
import { previewCounts, previewLabels, usePerimeterPreview } from '../features/contracts/perimeter/use-perimeter';
import { PartiesProgressCard } from '../features/contracts/project/PartiesProgressCard';
import { ProjectHistory } from '../features/contracts/project/ProjectHistory';
import { ProjectPageActions } from '../features/contracts/project/ProjectPageActions';
import { ProjectStatusBanner } from '../features/contracts/project/ProjectStatusBanner';
import { ProjectSummary } from '../features/contracts/project/ProjectSummary';
import { SubmitBlockCard } from '../features/contracts/project/SubmitBlockCard';
import { contractKeys, useProject } from '../features/contracts/use-contract-queries';
import { ContractOperations } from '../features/operations/ContractOperations';
import { ContractCodesSection } from '../features/service-codes/alignment/ContractCodesSection';
import { SyncCard } from '../features/sharing/SyncCard';
import { hasSharing } from '../features/sharing/sync-rules';
import { canUseStudio } from '../lib/permissions';

/** `/contrats/projets/:id` — the project page, for every party and any state (the e-mails link here). */
export function ContractProjectPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const queryClient = useQueryClient();
  const { id } = useParams();
  const project = useProject(id);
  // The owner reads its own patrimoine: the perimeter's names and counts come from the preview.
  const ownerView =
    project.data !== undefined && partyOf(project.data, 'owner')?.organization.id === session.organization.id;
  const perimeter = project.data?.perimeter;
  const preview = usePerimeterPreview(ownerView && perimeter && perimeter.include.length > 0 ? perimeter : null);

  if (project.isPending) {
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  const data = project.data;
  const ownRole = data.permissions.ownRole;
  const ownParty = ownRole ? partyOf(data, ownRole) : undefined;
  const back = data.state === 'active' ? '/studio/contrats' : '/studio/contrats/a-raccorder';

  return (
    <>
      {canUseStudio(session) && (
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          onClick={() => void navigate(back)}
          style={{ paddingInline: 0 }}
        >
          {t(data.state === 'active' ? 'contracts.page.backToContracts' : 'contracts.page.backToProjects')}
        </Button>
      )}
      <PageHeader
        title={data.label}
        subtitle={
          <Flex gap={8} align="center" wrap component="span">
            <StateTag state={data.state} />
            {data.trade && <Typography.Text>{data.trade.label}</Typography.Text>}
            <Typography.Text type="secondary">
              {t('contracts.page.created', { date: formatDate(data.createdAt) })}
            </Typography.Text>
          </Flex>
        }
        extra={<ProjectPageActions project={data} />}
      />
      <ProjectStatusBanner project={data} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            {hasSharing(data.state) && <SyncCard project={data} />}
            {data.permissions.canSubmit && ownParty && (
              <SubmitBlockCard
                key={data.version}
                projectId={data.id}
                version={data.version}
                party={ownParty}
                onSubmitted={() => window.scrollTo({ top: 0, behavior: 'smooth' })}
                onStale={() => void queryClient.invalidateQueries({ queryKey: contractKeys.project(data.id) })}
              />
            )}
            <ProjectSummary
              project={data}
              ownOrganizationId={session.organization.id}
              perimeterLabels={previewLabels(preview.data)}
              typeCounts={data.frozenTerms?.counts ?? previewCounts(preview.data)}
            />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <PartiesProgressCard project={data} />
        </Col>
        {data.frozenTerms && (
          <Col span={24}>
            <ContractCodesSection contractId={data.id} />
          </Col>
        )}
        <Col span={24}>
          <ContractOperations project={data} />
        </Col>
        <Col span={24}>
          <ProjectHistory project={data} />
        </Col>
      </Row>
    </>
  );
}
