import { EditOutlined } from '@ant-design/icons';
import type { Organization } from '@raccord/schemas';
import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatSiren } from './format';
import { KindTags } from './KindTags';
import { ReadyTag } from './ReadyTag';

interface OrganizationTableProps {
  items: Organization[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  emptyText: string;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (organization: Organization) => void;
  /** Given only to users who may edit organisations. */
  onEdit?: ((organization: Organization) => void) | undefined;
}

export function OrganizationTable(props: OrganizationTableProps) {
  const { items, total, page, pageSize, loading, emptyText, onPageChange, onOpen, onEdit } = props;
  const { t } = useTranslation();

  const columns: ColumnsType<Organization> = [
    {
      title: t('organizations.fields.name'),
      key: 'name',
      render: (_, org) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', fontWeight: 600, whiteSpace: 'normal', textAlign: 'start' }}
          onClick={(event) => {
            event.stopPropagation();
            onOpen(org);
          }}
        >
          {org.name}
        </Button>
      ),
    },
    {
      title: t('organizations.fields.siren'),
      dataIndex: 'siren',
      width: 130,
      render: (siren: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatSiren(siren)}</span>,
    },
    {
      title: t('organizations.fields.kinds'),
      key: 'kinds',
      width: 260,
      render: (_, org) =>
        org.isPlatform ? (
          <Tag color="purple" variant="filled">
            {t('organizations.platform')}
          </Tag>
        ) : (
          <KindTags kinds={org.kinds} />
        ),
    },
    {
      title: t('organizations.fields.city'),
      dataIndex: 'city',
      width: 180,
      render: (city: string | null) => city ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('organizations.fields.ready'),
      dataIndex: 'ready',
      width: 150,
      render: (ready: boolean) => <ReadyTag ready={ready} />,
    },
  ];

  if (onEdit) {
    columns.push({
      title: <span className="sr-only">{t('common.actions')}</span>,
      key: 'actions',
      width: 64,
      align: 'right',
      render: (_, org) => (
        <Tooltip title={t('common.edit')}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t('organizations.editNamed', { name: org.name })}
            onClick={(event) => {
              event.stopPropagation();
              onEdit(org);
            }}
          />
        </Tooltip>
      ),
    });
  }

  return (
    <Table<Organization>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      rowClassName={() => 'raccord-clickable-row'}
      onRow={(org) => ({ onClick: () => onOpen(org) })}
      locale={{ emptyText }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (count) => t('organizations.total', { count }),
        onChange: onPageChange,
      }}
      scroll={{ x: 860 }}
    />
  );
}
