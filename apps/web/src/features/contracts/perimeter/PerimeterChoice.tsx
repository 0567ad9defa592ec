import type { Perimeter, PerimeterPreview } from '@raccord/schemas';
import { Card, Divider, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CoverageBars } from './CoverageBars';
import { nodeKey, removeRule } from './perimeter-rules';
import { formatCount, levelCounts, typeCount } from './type-counts';

interface PerimeterChoiceProps {
  perimeter: Perimeter;
  preview: PerimeterPreview | undefined;
  loading: boolean;
  onChange: (perimeter: Perimeter) => void;
}

/** The running summary: what is included, excluded, and what it holds per type. */
export function PerimeterChoice({ perimeter, preview, loading, onChange }: PerimeterChoiceProps) {
  const { t } = useTranslation();
  const labelOf = (key: string) => preview?.nodes.find((n) => nodeKey(n.node) === key)?.label ?? key;
  const rules = [
    ...perimeter.include.map((n) => ({ key: nodeKey(n), mode: 'include' as const })),
    ...perimeter.exclude.map((n) => ({ key: nodeKey(n), mode: 'exclude' as const })),
  ];
  const types = [...(preview?.patrimoine ?? []), ...(preview?.equipment ?? [])];

  return (
    <Card size="small" title={t('contracts.perimeter.choiceTitle')} style={{ background: '#f7f9fc' }}>
      {perimeter.include.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contracts.perimeter.nothingYet')} />
      ) : (
        <Spin spinning={loading} size="small">
          {preview && (
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              <Typography.Text strong>{levelCounts(t, preview.included)}</Typography.Text>
              {Object.keys(preview.excluded).length > 0 && (
                <Typography.Text type="secondary">
                  {' '}
                  {t('contracts.perimeter.minus', { nodes: levelCounts(t, preview.excluded) })}
                </Typography.Text>
              )}
            </Typography.Paragraph>
          )}
          <Flex gap={6} wrap>
            {rules.map((r) => (
              <Tag
                key={r.key}
                color={r.mode === 'include' ? 'blue' : 'red'}
                variant="outlined"
                closable
                onClose={(e) => {
                  e.preventDefault();
                  onChange(removeRule(perimeter, r.key));
                }}
                style={{ marginInlineEnd: 0 }}
              >
                {r.mode === 'exclude' ? `${t('contracts.perimeter.excludedTag')} · ` : ''}
                {labelOf(r.key)}
              </Tag>
            ))}
          </Flex>
          <Divider style={{ margin: '12px 0' }} />
          {preview && (
            <>
              <Typography.Text strong>
                {t('contracts.perimeter.elements', { count: preview.total, n: formatCount(preview.total) })}
              </Typography.Text>
              <div style={{ marginTop: 8 }}>
                <CoverageBars
                  compact
                  counts={types}
                  label={(type, count) => (
                    <Typography.Text style={{ fontSize: 13 }}>{typeCount(t, type, count)}</Typography.Text>
                  )}
                />
              </div>
            </>
          )}
        </Spin>
      )}
    </Card>
  );
}
