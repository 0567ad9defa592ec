import { CheckCircleFilled } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Connecté": the organisation's systems already talk to the platform. */
export function ReadyTag({ ready }: { ready: boolean }) {
  const { t } = useTranslation();
  if (!ready)
    return (
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {t('organizations.notReady')}
      </Typography.Text>
    );
  return (
    <Tag color="green" variant="filled" icon={<CheckCircleFilled />}>
      {t('organizations.ready')}
    </Tag>
  );
}
