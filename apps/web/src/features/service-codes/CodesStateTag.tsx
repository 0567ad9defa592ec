import type { CodesState } from '@raccord/schemas';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<CodesState, string> = {
  to_align: 'default',
  proposed: 'gold',
  aligned: 'blue',
  submitted: 'purple',
  integrated: 'green',
};

/** à aligner → proposés → alignés → transmis → intégrés. */
export function CodesStateTag({ state }: { state: CodesState }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[state]} style={{ marginInlineEnd: 0 }}>
      {t(`serviceCodes.states.${state}`)}
    </Tag>
  );
}
