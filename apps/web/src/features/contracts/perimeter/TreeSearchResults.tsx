import type { Perimeter } from '@raccord/schemas';
import { Checkbox, Empty, Flex, List, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { checkState, nodeKey, toggleNode } from './perimeter-rules';
import { TreeNodeTitle } from './TreeNodeTitle';
import { type usePerimeterTree, useTreeSearch } from './use-perimeter';

interface TreeSearchResultsProps {
  q: string;
  tree: ReturnType<typeof usePerimeterTree>;
  perimeter: Perimeter;
  onChange: (perimeter: Perimeter) => void;
}

/** Matches of the search box (communes, départements, elements…), checkable like the tree. */
export function TreeSearchResults({ q, tree, perimeter, onChange }: TreeSearchResultsProps) {
  const { t } = useTranslation();
  const search = useTreeSearch(q);
  const { remember, ancestry } = tree;

  // Each match tells where it sits: its ancestors drive the partial states in the tree.
  useEffect(() => {
    for (const item of search.data?.items ?? []) remember(item.key, item.ancestors);
  }, [search.data, remember]);

  if (search.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  const items = search.data?.items ?? [];
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contracts.perimeter.noMatch')} />;
  return (
    <List
      size="small"
      bordered
      style={{ maxHeight: 460, overflow: 'auto' }}
      dataSource={items}
      renderItem={(item) => {
        const state = checkState(perimeter, item.key, ancestry);
        return (
          <List.Item>
            <Flex gap={10} align="center" style={{ width: '100%', minWidth: 0 }}>
              <Checkbox
                checked={state === 'checked'}
                indeterminate={state === 'partial'}
                onChange={() => onChange(toggleNode(perimeter, item.node, ancestry))}
                aria-label={item.label}
              />
              <div style={{ flex: 1, minWidth: 0 }}>
                <TreeNodeTitle node={item} excluded={perimeter.exclude.some((n) => nodeKey(n) === item.key)} />
              </div>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
