import type { ConnectorState } from '@raccord/schemas';
import { Card, Descriptions, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { formatDateTime, fromNow } from '../contracts/contract-format';
import { DailyChart } from './DailyChart';
import { useConnector } from './use-operations';

const stateColors: Record<ConnectorState, string> = { waiting: 'gold', active: 'green', silent: 'orange' };

/** « Activation du connecteur »: is the provider's connector sending data, and is it accepted? */
export function ConnectorPanel({ contractId }: { contractId: string }) {
  const { t, i18n } = useTranslation();
  const connector = useConnector(contractId);
  if (connector.isPending) {
    return (
      <Card title={t('operations.connector.title')} variant="borderless">
        <Skeleton active />
      </Card>
    );
  }
  if (connector.isError) return <ErrorState error={connector.error} onRetry={() => void connector.refetch()} />;
  const c = connector.data;
  const reasonLabel = (code: string) => (i18n.exists(`errors.${code}`) ? t(`errors.${code}`) : code);
  return (
    <Card
      title={t('operations.connector.title')}
      variant="borderless"
      extra={<Tag color={stateColors[c.state]}>{t(`operations.connector.states.${c.state}`)}</Tag>}
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          {t(`operations.connector.explain.${c.state}`, { days: c.silentAfterDays })}
        </Typography.Text>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('operations.connector.firstData')}>
            {c.firstDataAt ? formatDateTime(c.firstDataAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('operations.connector.lastData')}>
            {c.lastDataAt ? `${formatDateTime(c.lastDataAt)} (${fromNow(c.lastDataAt)})` : '—'}
          </Descriptions.Item>
        </Descriptions>
        <div>
          <Typography.Title level={5}>{t('operations.connector.perDay')}</Typography.Title>
          <DailyChart points={c.daily} />
        </div>
        <div>
          <Typography.Title level={5}>{t('operations.connector.reasons')}</Typography.Title>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={c.refusalsByReason}
            locale={{ emptyText: t('operations.connector.noRefusal') }}
            columns={[
              {
                title: t('operations.connector.reason'),
                dataIndex: 'code',
                render: (code: string) => (
                  <Flex vertical>
                    <span>{reasonLabel(code)}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} code>
                      {code}
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: t('operations.connector.count'), dataIndex: 'count', align: 'right', width: 120 },
            ]}
          />
        </div>
      </Flex>
    </Card>
  );
}
