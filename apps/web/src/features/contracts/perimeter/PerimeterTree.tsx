import type { Perimeter, TreeNode } from '@raccord/schemas';
import type { TreeDataNode } from 'antd';
import { Button, Empty, Skeleton, Tree } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { checkState, nodeKey, toggleNode } from './perimeter-rules';
import { TreeNodeTitle } from './TreeNodeTitle';
import type { usePerimeterTree } from './use-perimeter';

type TreeState = ReturnType<typeof usePerimeterTree>;

interface PerimeterTreeProps {
  tree: TreeState;
  perimeter: Perimeter;
  onChange: (perimeter: Perimeter) => void;
}

const MORE = 'more:';

/** The owner's patrimoine, geography first, loaded level by level; checking a node shares its subtree. */
export function PerimeterTree({ tree, perimeter, onChange }: PerimeterTreeProps) {
  const { t } = useTranslation();
  const { levels, load, ancestry } = tree;

  const { data, nodes } = useMemo(() => {
    const byKey = new Map<string, TreeNode>();
    const excluded = new Set(perimeter.exclude.map(nodeKey));
    const build = (parent: string): TreeDataNode[] | undefined => {
      const level = levels.get(parent);
      if (!level) return undefined;
      const children: TreeDataNode[] = level.items.map((item) => {
        byKey.set(item.key, item);
        return {
          key: item.key,
          title: <TreeNodeTitle node={item} excluded={excluded.has(item.key)} />,
          isLeaf: !item.hasChildren,
          children: item.hasChildren ? build(item.key) : undefined,
        };
      });
      if (level.items.length < level.total) {
        children.push({
          key: `${MORE}${parent}`,
          checkable: false,
          selectable: false,
          isLeaf: true,
          title: (
            <Button type="link" size="small" onClick={() => void load(parent, level.items.length)}>
              {t('contracts.perimeter.more', { shown: level.items.length, total: level.total })}
            </Button>
          ),
        });
      }
      return children;
    };
    return { data: build('') ?? [], nodes: byKey };
  }, [levels, perimeter, load, t]);

  const checkedKeys = useMemo(() => {
    const checked: string[] = [];
    const halfChecked: string[] = [];
    for (const key of nodes.keys()) {
      const state = checkState(perimeter, key, ancestry);
      if (state === 'checked') checked.push(key);
      if (state === 'partial') halfChecked.push(key);
    }
    return { checked, halfChecked };
  }, [nodes, perimeter, ancestry]);

  if (!levels.has('')) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (data.length === 0) return <Empty description={t('contracts.perimeter.emptyPatrimoine')} />;

  return (
    <Tree
      checkable
      checkStrictly
      blockNode
      selectable={false}
      height={460}
      treeData={data}
      checkedKeys={checkedKeys}
      loadData={(node) => (levels.has(String(node.key)) ? Promise.resolve() : load(String(node.key)))}
      onCheck={(_keys, info) => {
        const item = nodes.get(String(info.node.key));
        if (item) onChange(toggleNode(perimeter, item.node, ancestry));
      }}
      aria-label={t('contracts.steps.perimetre')}
      style={{ border: '1px solid #eef0f4', borderRadius: 6, padding: '6px 0' }}
    />
  );
}
