import type { OrganizationKind } from '@raccord/schemas';
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export const kindColors: Record<OrganizationKind, string> = {
  owner: 'blue',
  provider: 'gold',
  manager: 'cyan',
};

export function KindTags({ kinds }: { kinds: readonly OrganizationKind[] }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {kinds.map((kind) => (
        <Tag key={kind} color={kindColors[kind]} variant="filled" style={{ marginInlineEnd: 0 }}>
          {t(`kinds.${kind}`)}
        </Tag>
      ))}
    </Flex>
  );
}
