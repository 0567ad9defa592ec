import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { API_KEY_NOTICE_DAYS } from '@raccord/schemas';
import { Alert, Button, Card, Col, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { ApiKeysTable } from '../features/api-keys/ApiKeysTable';
import { ApiUsage } from '../features/api-keys/ApiUsage';
import { expiringSoon } from '../features/api-keys/api-key-expiry';
import { CreateApiKeyModal } from '../features/api-keys/CreateApiKeyModal';
import { useApiKeys } from '../features/api-keys/use-api-keys';
import { useSession } from '../features/auth/use-session';

/** `/mon-compte/cles-api` — **Clés d’API** of the organisation (administrators). */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const { organization } = useSession();
  const keys = useApiKeys();
  const [creating, setCreating] = useState(false);
  // Live keys that expire within the notice period: said once at the top, with the way out.
  const soon = expiringSoon(keys.data?.items ?? [], Date.now());

  return (
    <>
      <PageHeader
        title={t('apiKeys.title')}
        subtitle={t('apiKeys.subtitle', { name: organization.name })}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('apiKeys.create.button')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        {soon.length > 0 && (
          <Col span={24}>
            <Alert
              type="warning"
              showIcon
              data-testid="api-keys-expiring"
              title={t('apiKeys.expiring.title', {
                count: soon.length,
                days: API_KEY_NOTICE_DAYS,
                names: soon.map((k) => `« ${k.name} »`).join(', '),
              })}
              description={t('apiKeys.expiring.help')}
            />
          </Col>
        )}
        <Col span={24}>
          <Card
            variant="borderless"
            title={
              <>
                <KeyOutlined /> {t('apiKeys.listTitle')}
              </>
            }
          >
            {keys.isError ? (
              <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
            ) : (
              <ApiKeysTable
                items={keys.data?.items ?? []}
                loading={keys.isPending}
                onCreate={() => setCreating(true)}
              />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card variant="borderless">
            <ApiUsage />
          </Card>
        </Col>
      </Row>
      <CreateApiKeyModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
