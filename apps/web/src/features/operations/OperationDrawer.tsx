import { Descriptions, Drawer, Grid, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { formatDateTime } from '../contracts/contract-format';
import { StatusTag } from './StatusTag';
import { useOperation } from './use-operations';

/** One operation and the history of its logs, oldest first. */
export function OperationDrawer({
  contractId,
  operationId,
  onClose,
}: {
  contractId: string;
  operationId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const op = useOperation(contractId, operationId);
  const data = op.data;
  return (
    <Drawer
      open={operationId !== null}
      onClose={onClose}
      size={screens.lg ? 640 : '100%'}
      title={data ? t('operations.drawer.title', { reference: data.reference }) : t('operations.drawer.loading')}
      closable={{ 'aria-label': t('common.close') }}
    >
      {op.isPending && operationId !== null && <Skeleton active />}
      {op.isError && <ErrorState error={op.error} onRetry={() => void op.refetch()} />}
      {data && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 24 }}>
            <Descriptions.Item label={t('operations.fields.operationType')}>
              {t(`operations.types.${data.operationType}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('operations.fields.status')}>
              <StatusTag status={data.status} event={data.event} />
            </Descriptions.Item>
            <Descriptions.Item label={t('operations.fields.workType')}>
              {t(`operations.workTypes.${data.workType}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('operations.fields.asset')}>{data.assetReference}</Descriptions.Item>
            <Descriptions.Item label={t('operations.fields.serviceCode')}>{data.serviceCode}</Descriptions.Item>
            <Descriptions.Item label={t('operations.fields.sender')}>{data.senderName}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('operations.drawer.history', { count: data.logs.length })}</Typography.Title>
          <Timeline
            items={data.logs.map((log) => ({
              key: log.id,
              color: log.status === 'closed' ? 'green' : log.status === 'denied' ? 'red' : 'blue',
              content: (
                <>
                  <Typography.Text strong>{formatDateTime(log.eventDate)}</Typography.Text>{' '}
                  <StatusTag status={log.status} event={log.event} />
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('operations.drawer.logMeta', {
                      logDate: formatDateTime(log.logDate),
                      receivedAt: formatDateTime(log.receivedAt),
                      via: t(`operations.via.${log.via}`),
                      by: log.receivedBy,
                    })}
                  </Typography.Text>
                  {log.serviceCode && (
                    <div>
                      <Tag>{log.serviceCode}</Tag>
                      {log.equipmentWorkingOrder && <Tag color="orange">{log.equipmentWorkingOrder}</Tag>}
                      {log.criticalLevel && (
                        <Tag color="red">{t('operations.drawer.critical', { level: log.criticalLevel })}</Tag>
                      )}
                    </div>
                  )}
                  {log.description && <Typography.Paragraph>{log.description}</Typography.Paragraph>}
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
