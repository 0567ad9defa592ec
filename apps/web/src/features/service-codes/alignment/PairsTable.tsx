import type { Alignment, Pair, PairStatus } from '@raccord/schemas';
import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const statusColors: Record<PairStatus, string> = { proposed: 'gold', accepted: 'green', rejected: 'red' };

export interface PairHandlers {
  accept: (p: Pair) => void;
  reject: (p: Pair) => void;
  counter: (p: Pair) => void;
  remove: (p: Pair) => void;
}

/** The pairs of a contract's table; actions for the party whose answer each pair awaits. */
export function PairsTable(props: { alignment: Alignment; busy: boolean; on: PairHandlers }) {
  const { alignment: a, busy, on } = props;
  const { t } = useTranslation();
  const role = a.permissions.role;
  const canEdit = a.permissions.canEdit;
  const label = (list: Alignment['ownerCatalogue'], code: string | null) =>
    code === null ? '' : (list.find((c) => c.code === code)?.label ?? '');
  const codeCell = (code: string | null, list: Alignment['ownerCatalogue']) =>
    code === null ? (
      <Typography.Text type="secondary">{t('serviceCodes.relations.no_match')}</Typography.Text>
    ) : (
      <span>
        <Typography.Text code>{code}</Typography.Text> {label(list, code)}
      </span>
    );
  return (
    <Table<Pair>
      rowKey="id"
      size="small"
      aria-label={t('serviceCodes.pairs.title')}
      dataSource={a.pairs}
      pagination={a.pairs.length > 15 ? { pageSize: 15 } : false}
      locale={{ emptyText: t('serviceCodes.pairs.empty') }}
      columns={[
        {
          key: 'owner',
          title: t('serviceCodes.pairs.ownerCode', { name: a.owner.name }),
          render: (_, p) => codeCell(p.ownerCode, a.ownerCatalogue),
        },
        {
          key: 'relation',
          title: t('serviceCodes.pairs.relation'),
          width: 130,
          render: (_, p) => t(`serviceCodes.relations.${p.relation}`),
        },
        {
          key: 'provider',
          title: t('serviceCodes.pairs.providerCode', { name: a.provider.name }),
          render: (_, p) => codeCell(p.providerCode, a.providerCatalogue),
        },
        {
          key: 'status',
          title: t('serviceCodes.pairs.status'),
          width: 190,
          render: (_, p) => (
            <Flex vertical gap={2}>
              <span>
                <Tag color={statusColors[p.status]}>{t(`serviceCodes.pairStatus.${p.status}`)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`serviceCodes.pairs.by.${p.proposedBy}`)}
                </Typography.Text>
              </span>
              {p.comment && <Typography.Text style={{ fontSize: 12 }}>« {p.comment} »</Typography.Text>}
              {p.responseComment && (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  « {p.responseComment} »
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        ...(canEdit
          ? [
              {
                key: 'actions',
                title: '',
                width: 260,
                render: (_: unknown, p: Pair) => {
                  const awaitsMe = p.status === 'proposed' && p.proposedBy !== role;
                  return (
                    <Flex gap={4} wrap>
                      {awaitsMe && (
                        <>
                          <Button size="small" type="primary" disabled={busy} onClick={() => on.accept(p)}>
                            {t('serviceCodes.pairs.accept')}
                          </Button>
                          <Button size="small" danger disabled={busy} onClick={() => on.reject(p)}>
                            {t('serviceCodes.pairs.reject')}
                          </Button>
                        </>
                      )}
                      <Tooltip title={t('serviceCodes.pairs.counterHelp')}>
                        <Button size="small" disabled={busy} onClick={() => on.counter(p)}>
                          {t(awaitsMe ? 'serviceCodes.pairs.counter' : 'serviceCodes.pairs.change')}
                        </Button>
                      </Tooltip>
                      <Button size="small" type="text" disabled={busy} onClick={() => on.remove(p)}>
                        {t('serviceCodes.pairs.remove')}
                      </Button>
                    </Flex>
                  );
                },
              },
            ]
          : []),
      ]}
    />
  );
}
