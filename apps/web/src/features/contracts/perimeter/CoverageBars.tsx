import type { SharedType } from '@raccord/schemas';
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssetTotals } from '../../assets';
import { formatCount, typeCount } from './type-counts';

/** Share of `total` as "31 %", "< 1 %" for a few elements out of many, "100 %". */
function share(count: number, total: number): string {
  if (total <= 0) return '—';
  const pct = (count / total) * 100;
  if (pct > 0 && pct < 1) return '< 1 %';
  return `${Math.round(pct)} %`;
}

/**
 * Perimeter coverage as a picture: per type, the elements in the perimeter and a bar of their
 * share of all the owner's elements of that type. `label` replaces a row's text (a checkbox).
 */
export function CoverageBars({
  counts,
  label,
  muted,
  compact = false,
}: {
  counts: Array<{ type: SharedType; count: number }>;
  label?: (type: SharedType, count: number) => ReactNode;
  /** Types drawn in grey (e.g. not chosen). */
  muted?: (type: SharedType) => boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const totals = useAssetTotals();
  const all = totals.data?.counts as Partial<Record<SharedType, number>> | undefined;
  return (
    <ul
      aria-label={t('contracts.coverage.title')}
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        display: 'flex',
        flexDirection: 'column',
        gap: compact ? 6 : 10,
      }}
    >
      {counts.map((c) => {
        const total = all?.[c.type] ?? 0;
        const width = total > 0 ? Math.max(c.count > 0 ? 1.5 : 0, Math.min(100, (c.count / total) * 100)) : 0;
        const text =
          total > 0 ? t('contracts.coverage.of', { share: share(c.count, total), n: formatCount(total) }) : '';
        return (
          <li key={c.type} data-testid={`coverage-${c.type}`}>
            <Flex justify="space-between" align="baseline" gap={8}>
              {label ? label(c.type, c.count) : <Typography.Text>{typeCount(t, c.type, c.count)}</Typography.Text>}
              {text && (
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {text}
                </Typography.Text>
              )}
            </Flex>
            <div
              aria-hidden
              title={text}
              style={{
                height: compact ? 4 : 6,
                marginTop: 3,
                borderRadius: 3,
                background: '#e6ebf2',
                overflow: 'hidden',
              }}
            >
              <div
                style={{
                  width: `${width}%`,
                  height: '100%',
                  background: muted?.(c.type) ? '#a9b6c8' : '#1f5fa8',
                  borderRadius: 3,
                }}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
