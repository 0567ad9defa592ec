import { SearchOutlined } from '@ant-design/icons';
import type { ContractProjectSummary } from '@raccord/schemas';
import { Checkbox, Flex, Input, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSession } from '../../auth/use-session';
import { CancelProjectModal } from '../CancelProjectModal';
import { StateTag } from '../ContractTags';
import { formatDateTime, fromNow, partyOf, projectPath } from '../contract-format';
import { AwaitingText, InvitationsCell, StepsProgress } from '../ProjectProgress';
import { useProjects } from '../use-contract-queries';
import { ProjectActions } from './ProjectActions';

/** **Contrat à raccorder**: every project not yet active, with its progress and its actions. */
export function ProjectsTab({ createButton }: { createButton: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [cancelling, setCancelling] = useState<ContractProjectSummary | null>(null);
  const [showCancelled, setShowCancelled] = useState(false);
  const projects = useProjects({
    q: q || undefined,
    state: showCancelled ? 'cancelled' : undefined,
    ...page,
  });
  const isOwner = (p: ContractProjectSummary) => partyOf(p, 'owner')?.organization.id === session.organization.id;

  const columns: ColumnsType<ContractProjectSummary> = [
    {
      title: t('contracts.columns.project'),
      key: 'label',
      render: (_, row) => (
        <Flex vertical gap={2}>
          <Link to={projectPath(row.id)} onClick={(e) => e.stopPropagation()}>
            <Typography.Text strong>{row.label}</Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.trade?.label ?? t('contracts.progress.justStarted')}
          </Typography.Text>
          <Tooltip title={formatDateTime(row.createdAt)}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('contracts.progress.created', { when: fromNow(row.createdAt) })}
            </Typography.Text>
          </Tooltip>
        </Flex>
      ),
    },
    {
      title: t('contracts.columns.progress'),
      key: 'progress',
      width: 160,
      render: (_, row) => (
        <Flex vertical gap={6} align="flex-start">
          <StateTag state={row.state} />
          <StepsProgress project={row} />
        </Flex>
      ),
    },
    {
      title: t('contracts.columns.awaiting'),
      key: 'awaiting',
      width: 210,
      render: (_, row) =>
        row.state === 'cancelled' ? (
          <Typography.Text type="secondary">{row.cancelReason}</Typography.Text>
        ) : (
          <AwaitingText project={row} />
        ),
    },
    {
      title: t('contracts.columns.invitations'),
      key: 'invitations',
      width: 250,
      render: (_, row) => <InvitationsCell project={row} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, row) => <ProjectActions project={row} isOwner={isOwner(row)} onCancel={setCancelling} />,
    },
  ];

  const empty = !q && !showCancelled;
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input
          aria-label={t('contracts.list.searchProjectsLabel')}
          placeholder={t('contracts.list.searchPlaceholder')}
          prefix={<SearchOutlined style={{ color: '#8c95a3' }} />}
          allowClear
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ flex: '1 1 260px', maxWidth: 360 }}
        />
        <Checkbox checked={showCancelled} onChange={(e) => setShowCancelled(e.target.checked)}>
          {t('contracts.list.showCancelled')}
        </Checkbox>
      </Flex>
      {projects.isError ? (
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
      ) : (
        <Table<ContractProjectSummary>
          rowKey="id"
          columns={columns}
          dataSource={projects.data?.items ?? []}
          loading={projects.isPending || projects.isPlaceholderData}
          onRow={(row) => ({ onClick: () => void navigate(projectPath(row.id)), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: empty ? (
              <EmptyState
                title={t('studio.toConnectEmptyTitle')}
                description={t('studio.toConnectEmpty')}
                action={createButton}
              />
            ) : (
              t('contracts.list.noResult')
            ),
          }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: projects.data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: (p, pageSize) => setPage({ page: p, pageSize }),
          }}
          scroll={{ x: 1000 }}
        />
      )}
      <CancelProjectModal project={cancelling} onClose={() => setCancelling(null)} />
    </>
  );
}
