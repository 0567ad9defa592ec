import type { AuditEvent } from '@raccord/schemas';
import { Descriptions, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { actionColor, actionLabel, targetName, targetTypeLabel } from './audit-labels';

interface AuditTableProps {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

function formatDetail(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function EventDetails({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const entries = Object.entries(event.details);
  return (
    <Descriptions
      size="small"
      column={1}
      style={{ maxWidth: 760 }}
      items={[
        ...entries.map(([key, value]) => ({
          key,
          label: t(`audit.detailKeys.${key}`, { defaultValue: key }),
          children: formatDetail(value),
        })),
        ...(event.targetId
          ? [
              {
                key: '_target',
                label: t('audit.targetId'),
                children: <Typography.Text code>{event.targetId}</Typography.Text>,
              },
            ]
          : []),
        ...(event.userAgent ? [{ key: '_ua', label: t('audit.userAgent'), children: event.userAgent }] : []),
      ]}
    />
  );
}

export function AuditTable({ items, total, page, pageSize, loading, onPageChange }: AuditTableProps) {
  const { t } = useTranslation();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  const columns: ColumnsType<AuditEvent> = [
    {
      title: t('audit.columns.date'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => (
        <Tooltip title={dayjs(v).format('dddd D MMMM YYYY HH:mm:ss')}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{dayjs(v).format('DD/MM/YYYY HH:mm')}</span>
        </Tooltip>
      ),
    },
    { title: t('audit.columns.actor'), dataIndex: 'actorLabel', width: 220, ellipsis: true },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      width: 240,
      render: (action: string) => (
        <Tooltip title={action}>
          <Tag color={actionColor(action)} variant="filled">
            {actionLabel(t, action)}
          </Tag>
        </Tooltip>
      ),
    },
    {
      title: t('audit.columns.target'),
      key: 'target',
      render: (_, event) => {
        if (!event.targetType) return dash;
        const name = targetName(event);
        return (
          <Flex vertical>
            <Typography.Text>{targetTypeLabel(t, event.targetType)}</Typography.Text>
            {name && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                {name}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      title: t('audit.columns.ip'),
      dataIndex: 'ip',
      width: 140,
      render: (ip: string | null) =>
        ip ? (
          <Typography.Text style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>{ip}</Typography.Text>
        ) : (
          dash
        ),
    },
  ];

  return (
    <Table<AuditEvent>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: t('audit.empty') }}
      expandable={{ expandedRowRender: (event) => <EventDetails event={event} /> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (count) => t('audit.total', { count }),
        onChange: onPageChange,
      }}
      scroll={{ x: 900 }}
    />
  );
}
