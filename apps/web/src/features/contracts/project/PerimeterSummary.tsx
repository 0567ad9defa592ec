import type { Perimeter, PerimeterNode, SharedType } from '@raccord/schemas';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { nodeKey } from '../perimeter/perimeter-rules';
import { typeCount } from '../perimeter/type-counts';

/** i18n key of a shared type (`equipment.lift` → `equipment_lift`: dots separate i18n keys). */
export function sharedTypeKey(type: SharedType): string {
  return `contracts.sharedTypes.${type.replace('.', '_')}`;
}

function countByKind(nodes: PerimeterNode[]): Map<PerimeterNode['kind'], number> {
  const counts = new Map<PerimeterNode['kind'], number>();
  for (const node of nodes) counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
  return counts;
}

interface PerimeterSummaryProps {
  perimeter: Perimeter | null;
  /** Names of the chosen nodes, when the viewer may read the owner's patrimoine. */
  labels?: ReadonlyMap<string, string> | undefined;
}

/** "Île-de-France — exclus : Paris", or by counts of nodes when the names are not the viewer's to read. */
export function PerimeterSummary({ perimeter, labels }: PerimeterSummaryProps) {
  const { t } = useTranslation();
  if (!perimeter || perimeter.include.length === 0) {
    return <Typography.Text type="secondary">{t('contracts.summary.none')}</Typography.Text>;
  }
  const describe = (nodes: PerimeterNode[]) => {
    const named = nodes.map((n) => labels?.get(nodeKey(n)));
    if (named.every((l): l is string => l !== undefined)) return named.join(', ');
    return [...countByKind(nodes)].map(([kind, count]) => t(`contracts.perimeter.nodes.${kind}`, { count })).join(', ');
  };
  return (
    <Flex vertical gap={4}>
      <Typography.Text>{t('contracts.perimeter.included', { nodes: describe(perimeter.include) })}</Typography.Text>
      {perimeter.exclude.length > 0 && (
        <Typography.Text type="secondary">
          {t('contracts.perimeter.excluded', { nodes: describe(perimeter.exclude) })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The shared types, with their counts when known (frozen at activation, or previewed for the owner). */
export function SharedTypesSummary({
  types,
  counts,
}: {
  types: SharedType[];
  counts?: Partial<Record<string, number>> | null | undefined;
}) {
  const { t } = useTranslation();
  if (types.length === 0) return <Typography.Text type="secondary">{t('contracts.summary.none')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {types.map((type) => {
        const count = counts?.[type];
        return (
          <Tag key={type} variant="outlined">
            {count === undefined ? t(sharedTypeKey(type)) : typeCount(t, type, count)}
          </Tag>
        );
      })}
    </Flex>
  );
}
