import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = {
  open: 'blue',
  pending: 'gold',
  hold: 'orange',
  closed: 'green',
  denied: 'red',
};

/** An operation's status and the event that set it, in the user's words. */
export function StatusTag({ status, event }: { status: string; event: string }) {
  const { t, i18n } = useTranslation();
  const label = (group: string, key: string) =>
    i18n.exists(`operations.${group}.${key}`) ? t(`operations.${group}.${key}`) : key;
  return (
    <Tag color={colors[status] ?? 'default'}>
      {label('statuses', status)} · {label('events', event)}
    </Tag>
  );
}
