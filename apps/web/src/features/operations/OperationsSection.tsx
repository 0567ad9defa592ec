import { UploadOutlined } from '@ant-design/icons';
import { type OperationSummary, operationStatuses, workTypes } from '@raccord/schemas';
import { Button, Card, DatePicker, Flex, Input, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { formatDateTime } from '../contracts/contract-format';
import { CsvUploadModal } from './CsvUploadModal';
import { OperationDrawer } from './OperationDrawer';
import type { OperationFilters } from './operations.api';
import { StatusTag } from './StatusTag';
import { useOperations } from './use-operations';

/**
 * « Opérations »: the operations of the contract (the owner sees all, the other parties those they
 * sent), filters, keyset pages, the history of one in a drawer; providers upload a CSV of logs.
 */
export function OperationsSection({
  contractId,
  isOwner,
  canUpload,
}: {
  contractId: string;
  isOwner: boolean;
  canUpload: boolean;
}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<OperationFilters>({});
  // Cursors of the pages seen so far: [null, next1, next2…]; the last one is shown.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [open, setOpen] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const after = cursors[cursors.length - 1] ?? null;
  const ops = useOperations(contractId, filters, after);
  const update = (next: OperationFilters) => {
    setFilters(next);
    setCursors([null]);
  };
  const range = (from?: Dayjs | null, to?: Dayjs | null) =>
    update({ ...filters, from: from?.format('YYYY-MM-DD'), to: to?.format('YYYY-MM-DD') });

  return (
    <Card
      title={t('operations.title')}
      variant="borderless"
      extra={
        canUpload && (
          <Button icon={<UploadOutlined />} onClick={() => setUploading(true)}>
            {t('operations.csv.open')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t(isOwner ? 'operations.ownerIntro' : 'operations.providerIntro')}
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t('operations.fields.status')}
          value={filters.status}
          onChange={(status) => update({ ...filters, status })}
          options={operationStatuses.map((s) => ({ value: s, label: t(`operations.statuses.${s}`) }))}
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('operations.fields.workType')}
          value={filters.workType}
          onChange={(workType) => update({ ...filters, workType })}
          options={workTypes.map((w) => ({ value: w, label: t(`operations.workTypes.${w}`) }))}
        />
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('operations.fields.asset')}
          onSearch={(v) => update({ ...filters, assetReference: v.trim() || undefined })}
        />
        <DatePicker.RangePicker
          aria-label={t('operations.fields.dates')}
          onChange={(values) => range(values?.[0], values?.[1])}
        />
      </Flex>
      {ops.isError ? (
        <ErrorState error={ops.error} onRetry={() => void ops.refetch()} />
      ) : (
        <Table<OperationSummary>
          rowKey="id"
          size="middle"
          loading={ops.isFetching}
          dataSource={ops.data?.items ?? []}
          locale={{ emptyText: t('operations.empty') }}
          onRow={(op) => ({ onClick: () => setOpen(op.id), style: { cursor: 'pointer' } })}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('operations.fields.reference'), dataIndex: 'reference' },
            {
              title: t('operations.fields.operationType'),
              dataIndex: 'operationType',
              render: (v: string) => t(`operations.types.${v}`),
            },
            {
              title: t('operations.fields.status'),
              key: 'status',
              render: (_, op) => <StatusTag status={op.status} event={op.event} />,
            },
            {
              title: t('operations.fields.workType'),
              dataIndex: 'workType',
              render: (v: string) => t(`operations.workTypes.${v}`),
            },
            { title: t('operations.fields.asset'), dataIndex: 'assetReference' },
            ...(isOwner ? [{ title: t('operations.fields.sender'), dataIndex: 'senderName' }] : []),
            {
              title: t('operations.fields.lastEvent'),
              dataIndex: 'lastEventAt',
              render: (v: string) => formatDateTime(v),
            },
            { title: t('operations.fields.logs'), dataIndex: 'logCount', align: 'right' as const },
          ]}
        />
      )}
      <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('operations.previous')}
        </Button>
        <Button disabled={!ops.data?.next} onClick={() => ops.data?.next && setCursors([...cursors, ops.data.next])}>
          {t('operations.next')}
        </Button>
      </Flex>
      <OperationDrawer contractId={contractId} operationId={open} onClose={() => setOpen(null)} />
      {uploading && <CsvUploadModal contractId={contractId} onClose={() => setUploading(false)} />}
    </Card>
  );
}
