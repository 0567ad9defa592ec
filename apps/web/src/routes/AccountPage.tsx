import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';
import { LanguageSwitch } from '../features/account/LanguageSwitch';
import { PasswordCard } from '../features/account/PasswordCard';
import { ProfileCard } from '../features/account/ProfileCard';

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={20}>
            <ProfileCard />
            <Card variant="borderless" title={t('account.language')}>
              <Flex align="center" justify="space-between" gap={16} wrap>
                <Typography.Text type="secondary">{t('account.languageHelp')}</Typography.Text>
                <LanguageSwitch size="middle" long />
              </Flex>
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <PasswordCard />
        </Col>
      </Row>
    </>
  );
}
