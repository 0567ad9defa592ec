import { ApiOutlined, PlusOutlined } from '@ant-design/icons';
import type { WebhookEndpoint } from '@raccord/schemas';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../features/auth/use-session';
import { CreateWebhookModal } from '../features/webhooks/CreateWebhookModal';
import { DeliveriesDrawer } from '../features/webhooks/DeliveriesDrawer';
import { useWebhooks } from '../features/webhooks/use-webhooks';
import { WebhooksTable } from '../features/webhooks/WebhooksTable';

/** `/mon-compte/webhooks` — the organisation's **Webhooks** and their delivery log (administrators). */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { organization } = useSession();
  const hooks = useWebhooks();
  const [creating, setCreating] = useState(false);
  const [log, setLog] = useState<WebhookEndpoint | null>(null);
  const [logOpen, setLogOpen] = useState(false);

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        subtitle={t('webhooks.subtitle', { name: organization.name })}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('webhooks.create.button')}
          </Button>
        }
      />
      <Card
        variant="borderless"
        title={
          <>
            <ApiOutlined /> {t('webhooks.listTitle')}
          </>
        }
      >
        {hooks.isError ? (
          <ErrorState error={hooks.error} onRetry={() => void hooks.refetch()} />
        ) : (
          <WebhooksTable
            items={hooks.data?.items ?? []}
            loading={hooks.isPending}
            onCreate={() => setCreating(true)}
            onOpenLog={(w) => {
              setLog(w);
              setLogOpen(true);
            }}
          />
        )}
      </Card>
      <CreateWebhookModal open={creating} onClose={() => setCreating(false)} />
      <DeliveriesDrawer endpoint={log} open={logOpen} onClose={() => setLogOpen(false)} />
    </>
  );
}
