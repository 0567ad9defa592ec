import { Card, Col, Flex, Row, Select, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { TypeCountChips } from '../features/assets/TypeCountChips';
import { PartiesList, StateTag } from '../features/contracts/ContractTags';
import { useContracts, useProject } from '../features/contracts/use-contract-queries';
import { ChangeTimeline } from '../features/sharing/ChangeTimeline';
import { SharedList } from '../features/sharing/SharedList';
import { SharedTree } from '../features/sharing/SharedTree';

/**
 * `/patrimoine-partage/:id?` — **Patrimoine partagé**: what a contract shares (tree, list, latest
 * changes), for the provider and, to check it, the owner. Only the shared set is ever read.
 */
export function SharedPatrimoinePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const contracts = useContracts({ status: 'actif', sort: '-activatedAt', page: 1, pageSize: 100 });
  const selected = id ?? contracts.data?.items[0]?.id;
  const project = useProject(selected);

  const options = (contracts.data?.items ?? []).map((c) => ({ value: c.id, label: c.label }));
  if (id && project.data && !options.some((o) => o.value === id))
    options.unshift({ value: id, label: project.data.label });

  const picker = (
    <Select<string>
      aria-label={t('sharing.page.contract')}
      placeholder={t('sharing.page.pickContract')}
      value={selected}
      loading={contracts.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
      onChange={(v) => void navigate(`/patrimoine-partage/${v}`)}
      style={{ width: 360 }}
    />
  );

  return (
    <>
      <PageHeader title={t('sharing.page.title')} subtitle={t('sharing.page.subtitle')} extra={picker} />
      {contracts.isError ? (
        <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} />
      ) : !selected ? (
        contracts.isPending ? (
          <Skeleton active />
        ) : (
          <Card variant="borderless">
            <EmptyState title={t('sharing.page.noContract')} description={t('sharing.page.noContractHelp')} />
          </Card>
        )
      ) : (
        <SharedContract key={selected} contractId={selected} project={project} />
      )}
    </>
  );
}

function SharedContract({ contractId, project }: { contractId: string; project: ReturnType<typeof useProject> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (project.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  const data = project.data;
  const terms = data.frozenTerms;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card variant="borderless" size="small">
          <Flex gap={24} wrap align="flex-start">
            <Flex vertical gap={4}>
              <Flex gap={8} align="center">
                <Typography.Link strong onClick={() => void navigate(`/contrats/projets/${data.id}`)}>
                  {data.label}
                </Typography.Link>
                <StateTag state={data.state} />
              </Flex>
              {data.trade && <Typography.Text type="secondary">{data.trade.label}</Typography.Text>}
            </Flex>
            <PartiesList parties={data.parties} compact />
            {terms?.counts && (
              <Flex vertical gap={4}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('sharing.page.sharedTypes')}
                </Typography.Text>
                <TypeCountChips counts={terms.counts} size="default" />
              </Flex>
            )}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card variant="borderless">
          <Tabs
            items={[
              { key: 'tree', label: t('sharing.page.tree'), children: <SharedTree contractId={contractId} /> },
              { key: 'list', label: t('sharing.page.list'), children: <SharedList contractId={contractId} /> },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <ChangeTimeline contractId={contractId} />
      </Col>
    </Row>
  );
}
