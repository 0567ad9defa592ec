import { CheckCircleFilled, SearchOutlined } from '@ant-design/icons';
import type { Trade } from '@raccord/schemas';
import { normalizeForSearch } from '@raccord/schemas';
import { Card, Col, Empty, Input, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface TradePickerProps {
  trades: Trade[];
  value?: string | null;
  onChange?: (tradeId: string) => void;
  id?: string;
}

/** The active métiers as cards, searchable; one is chosen (a radio group for assistive tech). */
export function TradePicker({ trades, value, onChange, id }: TradePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const visible = useMemo(() => {
    const needle = normalizeForSearch(search);
    return trades.filter((tr) => needle === '' || normalizeForSearch(`${tr.label} ${tr.code}`).includes(needle));
  }, [trades, search]);

  return (
    <div id={id}>
      <Input
        aria-label={t('contracts.trade.search')}
        placeholder={t('contracts.trade.search')}
        prefix={<SearchOutlined style={{ color: '#8c95a3' }} />}
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 16 }}
      />
      {visible.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contracts.trade.noResult')} />
      ) : (
        <Row gutter={[12, 12]} role="radiogroup" aria-label={t('contracts.steps.metier')}>
          {visible.map((trade) => {
            const selected = trade.id === value;
            return (
              <Col key={trade.id} xs={24} sm={12} xl={8}>
                <Card
                  size="small"
                  hoverable
                  role="radio"
                  aria-checked={selected}
                  tabIndex={0}
                  onClick={() => onChange?.(trade.id)}
                  onKeyDown={(e) => {
                    if (e.key === ' ' || e.key === 'Enter') {
                      e.preventDefault();
                      onChange?.(trade.id);
                    }
                  }}
                  style={{
                    borderColor: selected ? '#1f5faa' : undefined,
                    background: selected ? '#eef4fb' : undefined,
                    height: '100%',
                  }}
                  styles={{ body: { display: 'flex', alignItems: 'center', gap: 10, minHeight: 56 } }}
                >
                  <CheckCircleFilled style={{ color: selected ? '#1f5faa' : '#d9dee6', fontSize: 18 }} />
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong={selected} style={{ display: 'block' }}>
                      {trade.label}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 11, fontFamily: 'ui-monospace, monospace' }}>
                      {trade.code}
                    </Typography.Text>
                  </div>
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
    </div>
  );
}
