import type { ContractProjectDetail } from '@raccord/schemas';
import { Card, Col, Flex, Row, Table, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { StateTag } from '../ContractTags';
import { formatDateTime, stateColors } from '../contract-format';

type AuditEntry = ContractProjectDetail['audit'][number];

const detailKeys = ['role', 'email', 'reference', 'reason', 'label', 'fields', 'count', 'error'] as const;

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** `parties.owner` → "Bloc du propriétaire", `tradeId` → "Métier"… */
function fieldLabel(field: string, t: Translate): string {
  const block = /^parties\.(owner|provider|thirdParty)$/.exec(field);
  if (block) return t('contracts.auditFields.block', { role: t(`contracts.roles.${block[1]}`).toLowerCase() });
  return t(`contracts.auditFields.${field}`, { defaultValue: field });
}

function detailText(details: Record<string, unknown>, t: Translate): string {
  return detailKeys
    .filter((k) => details[k] !== undefined && details[k] !== null && details[k] !== '')
    .map((k) => {
      const value = details[k];
      if (k === 'role' && typeof value === 'string') return t(`contracts.roles.${value}`);
      if (k === 'fields' && Array.isArray(value)) return value.map((f) => fieldLabel(String(f), t)).join(', ');
      if (Array.isArray(value)) return value.map(String).join(', ');
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    })
    .join(' · ');
}

/** The state history (who moved it, when, why) and the audit trail of the project. */
export function ProjectHistory({ project }: { project: ContractProjectDetail }) {
  const { t } = useTranslation();
  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('contracts.history.date'),
      key: 'when',
      width: 210,
      render: (_, row) => (
        <Flex vertical>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(row.at)}</span>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 190 }}>
            {row.actor}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('contracts.history.action'),
      dataIndex: 'action',
      width: 170,
      render: (action: string) => (
        <Tag variant="filled" color={action.includes('failed') || action.includes('cancel') ? 'red' : 'blue'}>
          {t(`contracts.auditActions.${action.replace(/\./g, '_')}`, { defaultValue: action })}
        </Tag>
      ),
    },
    {
      title: t('contracts.history.details'),
      key: 'details',
      render: (_, row) => <Typography.Text type="secondary">{detailText(row.details, t)}</Typography.Text>,
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={7}>
        <Card variant="borderless" title={t('contracts.history.states')}>
          <Timeline
            items={project.states.map((s) => ({
              key: `${s.state}-${s.enteredAt}`,
              color: stateColors[s.state] === 'default' ? 'gray' : stateColors[s.state],
              content: (
                <>
                  <StateTag state={s.state} />
                  <Typography.Text style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                    {formatDateTime(s.enteredAt)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('contracts.history.by', { who: s.enteredBy })}
                  </Typography.Text>
                  {s.reason && <Typography.Text style={{ display: 'block', fontSize: 13 }}>{s.reason}</Typography.Text>}
                </>
              ),
            }))}
          />
        </Card>
      </Col>
      <Col xs={24} xl={17}>
        <Card variant="borderless" title={t('contracts.history.audit')}>
          <Table<AuditEntry>
            rowKey={(row) => `${row.at}-${row.action}-${row.actor}`}
            size="small"
            columns={columns}
            dataSource={[...project.audit].sort((a, b) => b.at.localeCompare(a.at))}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 640 }}
          />
        </Card>
      </Col>
    </Row>
  );
}
