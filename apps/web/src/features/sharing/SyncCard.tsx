import { ApartmentOutlined, PauseCircleOutlined, PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import type { ContractProjectDetail, SyncProgress } from '@raccord/schemas';
import { Alert, Button, Card, Descriptions, Flex, Progress, Skeleton, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { formatCount } from '../assets/asset-types';
import { useSession } from '../auth/use-session';
import { formatDateTime, partyOf } from '../contracts/contract-format';
import { LifecycleModal } from './LifecycleModal';
import type { LifecycleVerb } from './sharing.api';
import { currentStateReason, lifecycleVerbs, syncPercent } from './sync-rules';
import { useSyncProgress } from './use-sharing';

const stateColors: Record<SyncProgress['state'], string> = {
  pending: 'default',
  running: 'processing',
  done: 'success',
  stopped: 'error',
};

const verbIcons: Record<LifecycleVerb, ReactNode> = {
  suspend: <PauseCircleOutlined />,
  resume: <PlayCircleOutlined />,
  terminate: <StopOutlined />,
};

/** **Synchronisation** of an active (or suspended / terminated) contract, for every party. */
export function SyncCard({ project }: { project: ContractProjectDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const sync = useSyncProgress(project.id);
  const [verb, setVerb] = useState<LifecycleVerb | null>(null);
  // `permissions.ownRole` is about step 4's blocks (null once active): the owner is read from the parties.
  const isOwner = partyOf(project, 'owner')?.organization.id === session.organization.id;
  const ownerAdmin = isOwner && session.user.role === 'admin';
  const verbs = lifecycleVerbs(project.state, ownerAdmin);
  const stateReason = project.state === 'active' ? null : currentStateReason(project);

  return (
    <Card
      variant="borderless"
      title={
        <Flex align="center" gap={8}>
          <span>{t('sharing.sync.title')}</span>
          {sync.data && (
            <Tag color={stateColors[sync.data.state]} variant="filled">
              {t(`sharing.sync.states.${sync.data.state}`)}
            </Tag>
          )}
        </Flex>
      }
      extra={
        <Button
          icon={<ApartmentOutlined />}
          onClick={() => void navigate(`/patrimoine-partage/${project.id}`)}
          disabled={project.state !== 'active' && !isOwner}
        >
          {t('sharing.sync.browse')}
        </Button>
      }
    >
      {stateReason?.reason && (
        <Alert
          type={project.state === 'terminated' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`sharing.sync.stateReason.${project.state}`, { date: formatDateTime(stateReason.at) })}
          description={
            <>
              <Typography.Text>{stateReason.reason}</Typography.Text>
              {stateReason.by && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('sharing.sync.by', { who: stateReason.by })}
                </Typography.Text>
              )}
            </>
          }
        />
      )}
      {sync.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : sync.isError ? (
        <ErrorState error={sync.error} onRetry={() => void sync.refetch()} />
      ) : (
        <SyncDetails progress={sync.data} />
      )}
      {verbs.length > 0 && (
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          {verbs.map((v) => (
            <Button key={v} icon={verbIcons[v]} danger={v === 'terminate'} onClick={() => setVerb(v)}>
              {t(`sharing.lifecycle.${v}.button`)}
            </Button>
          ))}
        </Flex>
      )}
      <LifecycleModal contractId={project.id} verb={verb} onClose={() => setVerb(null)} />
    </Card>
  );
}

function SyncDetails({ progress }: { progress: SyncProgress }) {
  const { t } = useTranslation();
  const percent = syncPercent(progress);
  const live = progress.state === 'pending' || progress.state === 'running';
  return (
    <Flex vertical gap={12}>
      <div>
        <Progress
          percent={percent ?? 0}
          status={progress.state === 'stopped' ? 'exception' : live ? 'active' : 'success'}
          aria-label={t('sharing.sync.progressLabel')}
        />
        <Typography.Text type="secondary" aria-live="polite">
          {progress.total === null
            ? t('sharing.sync.counting')
            : t('sharing.sync.elements', { done: formatCount(progress.done), total: formatCount(progress.total) })}
        </Typography.Text>
      </div>
      {progress.lastError && (
        <Alert
          type="warning"
          showIcon
          title={t(live ? 'sharing.sync.lastError' : 'sharing.sync.lastErrorFinal', { attempts: progress.attempts })}
          description={progress.lastError}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'started', label: t('sharing.sync.startedAt'), children: formatDateTime(progress.startedAt) },
          { key: 'finished', label: t('sharing.sync.finishedAt'), children: formatDateTime(progress.finishedAt) },
          { key: 'updated', label: t('sharing.sync.updatedAt'), children: formatDateTime(progress.updatedAt) },
          { key: 'attempts', label: t('sharing.sync.attempts'), children: progress.attempts },
        ]}
      />
    </Flex>
  );
}
