import type { RecentChanges } from '@raccord/schemas';
import { Card, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { AssetIcon } from '../assets/AssetIcon';
import { levelLabel } from '../assets/asset-types';
import { formatDateTime } from '../contracts/contract-format';
import { useRecentChanges } from './use-sharing';

type Kind = RecentChanges['items'][number]['kind'];
const kindColors: Record<Kind, string> = { added: 'green', updated: 'blue', removed: 'red' };

/** The latest entries of the contract's change feed (what connectors pull from `/changes`). */
export function ChangeTimeline({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const changes = useRecentChanges(contractId);
  return (
    <Card variant="borderless" title={t('sharing.changes.title')}>
      {changes.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : changes.isError ? (
        <ErrorState error={changes.error} onRetry={() => void changes.refetch()} />
      ) : changes.data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('sharing.changes.empty')}</Typography.Text>
      ) : (
        <Timeline
          items={changes.data.items.map((c) => ({
            key: c.cursor,
            color: kindColors[c.kind],
            content: (
              <Flex vertical gap={2}>
                <Flex gap={6} align="center" wrap>
                  <Tag color={kindColors[c.kind]} variant="filled" style={{ marginInlineEnd: 0 }}>
                    {t(`sharing.changes.kinds.${c.kind}`)}
                  </Tag>
                  <AssetIcon type={c.asset.type} />
                  <Typography.Text code>{c.asset.reference}</Typography.Text>
                </Flex>
                <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                  {c.asset.label}{' '}
                  <Typography.Text type="secondary">· {levelLabel(t, c.asset.type, c.asset.type)}</Typography.Text>
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(c.at)} · {t('sharing.changes.cursor', { cursor: c.cursor })}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
