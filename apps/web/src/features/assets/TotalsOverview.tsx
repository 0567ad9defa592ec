import type { SharedType } from '@raccord/schemas';
import { Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AssetIcon, assetColor } from './AssetIcon';
import { formatCount, isEquipmentType, orderedCounts, type TypeCounts, typeLabel } from './asset-types';

interface TotalsOverviewProps {
  counts: TypeCounts | undefined;
  loading: boolean;
}

function TypeBars({ title, items }: { title: string; items: Array<{ type: SharedType; count: number }> }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...items.map((i) => i.count));
  const total = items.reduce((sum, i) => sum + i.count, 0);
  return (
    <section aria-label={title}>
      <Flex align="baseline" justify="space-between" style={{ marginBottom: 10 }}>
        <Typography.Text type="secondary" style={{ textTransform: 'uppercase', fontSize: 12, letterSpacing: 0.4 }}>
          {title}
        </Typography.Text>
        <Typography.Text strong style={{ fontSize: 22, fontVariantNumeric: 'tabular-nums' }}>
          {formatCount(total)}
        </Typography.Text>
      </Flex>
      {items.length === 0 && <Typography.Text type="secondary">{t('assets.totals.none')}</Typography.Text>}
      <Flex vertical gap={6}>
        {items.map(({ type, count }) => (
          <Flex key={type} align="center" gap={8} style={{ fontSize: 13 }}>
            <AssetIcon type={type} size={13} />
            <span
              title={typeLabel(t, type)}
              style={{ width: 230, flex: 'none', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
            >
              {typeLabel(t, type)}
            </span>
            <div style={{ flex: 1, height: 10, background: '#f0f2f6', borderRadius: 5, overflow: 'hidden' }}>
              <div
                style={{
                  width: `${Math.max(1.5, (count / max) * 100)}%`,
                  height: '100%',
                  background: assetColor(type),
                  borderRadius: 5,
                }}
              />
            </div>
            <span style={{ width: 64, textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>
              {formatCount(count)}
            </span>
          </Flex>
        ))}
      </Flex>
    </section>
  );
}

/** Totals per type of the owner's patrimoine, as two small bar charts: patrimoine and equipment. */
export function TotalsOverview({ counts, loading }: TotalsOverviewProps) {
  const { t } = useTranslation();
  if (loading || !counts) {
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 5 }} />
      </Card>
    );
  }
  const items = orderedCounts(counts);
  return (
    <Card variant="borderless">
      <Row gutter={[48, 24]}>
        <Col xs={24} lg={12}>
          <TypeBars title={t('assets.groups.patrimoine')} items={items.filter((i) => !isEquipmentType(i.type))} />
        </Col>
        <Col xs={24} lg={12}>
          <TypeBars title={t('assets.groups.equipment')} items={items.filter((i) => isEquipmentType(i.type))} />
        </Col>
      </Row>
    </Card>
  );
}
