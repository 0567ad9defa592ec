import { SearchOutlined } from '@ant-design/icons';
import type { TreeNode } from '@raccord/schemas';
import { AutoComplete, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { AssetIcon } from './AssetIcon';
import { levelLabel } from './asset-types';
import { useTreeSearch } from './use-assets';

export type TreeSearchHit = TreeNode & { ancestors: string[] };

interface AssetSearchProps {
  onPick: (hit: TreeSearchHit) => void;
  placeholder?: string;
}

/** Search by reference, label or address (accents and case ignored); picking a hit shows it in the tree. */
export function AssetSearch({ onPick, placeholder }: AssetSearchProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const search = useTreeSearch(q);
  const hits = q.trim().length >= 2 ? (search.data?.items ?? []) : [];

  const options = hits.map((hit) => ({
    value: hit.key,
    label: (
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        <AssetIcon type={hit.type ?? hit.level} boxed size={12} />
        <Typography.Text ellipsis style={{ flex: '0 1 auto' }}>
          {hit.label}
        </Typography.Text>
        {hit.reference && (
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
            {hit.reference}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto', whiteSpace: 'nowrap' }}>
          {levelLabel(t, hit.level, hit.type)}
        </Typography.Text>
      </Flex>
    ),
  }));

  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={setText}
      onSelect={(key: string) => {
        const hit = hits.find((h) => h.key === key);
        if (!hit) return;
        setText(hit.reference ?? hit.label);
        onPick(hit);
      }}
      notFoundContent={
        q.trim().length >= 2 && !search.isFetching ? (
          <Typography.Text type="secondary">{t('assets.search.noMatch')}</Typography.Text>
        ) : null
      }
      style={{ width: '100%' }}
      popupMatchSelectWidth
    >
      <Input
        allowClear
        prefix={<SearchOutlined style={{ color: '#8c8c8c' }} />}
        placeholder={placeholder ?? t('assets.search.placeholder')}
        aria-label={t('assets.search.label')}
      />
    </AutoComplete>
  );
}
