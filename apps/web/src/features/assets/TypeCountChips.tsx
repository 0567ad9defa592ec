import { Flex, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { AssetIcon, assetColor } from './AssetIcon';
import { formatCount, orderedCounts, type TypeCounts, topCounts, typeCountLabel } from './asset-types';

interface TypeCountChipsProps {
  counts: TypeCounts;
  /** Shows only the most numerous types (tree rows); all of them when absent. */
  max?: number;
  size?: 'small' | 'default';
}

/** Counts per type as small icon chips ("🏠 2 542"), each named in a tooltip. */
export function TypeCountChips({ counts, max, size = 'small' }: TypeCountChipsProps) {
  const { t } = useTranslation();
  const items = max === undefined ? orderedCounts(counts) : topCounts(counts, max);
  const fontSize = size === 'small' ? 12 : 13;
  return (
    <Flex gap={4} wrap={max === undefined} style={{ minWidth: 0 }}>
      {items.map(({ type, count }) => {
        const label = typeCountLabel(t, type, count);
        return (
          <Tooltip key={type} title={label}>
            <span
              role="img"
              aria-label={label}
              style={{
                display: 'inline-flex',
                alignItems: 'center',
                gap: 4,
                padding: size === 'small' ? '0 6px' : '2px 8px',
                borderRadius: 10,
                background: `${assetColor(type)}14`,
                color: '#39455a',
                fontSize,
                lineHeight: '20px',
                whiteSpace: 'nowrap',
                fontVariantNumeric: 'tabular-nums',
              }}
            >
              <AssetIcon type={type} size={fontSize - 1} />
              {size === 'small' ? formatCount(count) : label}
            </span>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
