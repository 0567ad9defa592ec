import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useContracts } from '../contracts/use-contract-queries';
import { usageExample } from './usage-example';

/** How a connector uses a key: the contract endpoints, with `Authorization: Bearer`. */
export function ApiUsage({ secret }: { secret?: string }) {
  const { t } = useTranslation();
  // The first active contract makes the example runnable as is; a placeholder otherwise.
  const contracts = useContracts({ status: 'actif', sort: '-activatedAt', page: 1, pageSize: 1 });
  const text = usageExample({
    origin: window.location.origin,
    key: secret,
    contractId: contracts.data?.items[0]?.id,
    labels: {
      pages: t('apiKeys.usage.pages'),
      stream: t('apiKeys.usage.stream'),
      feed: t('apiKeys.usage.feed'),
      contractPlaceholder: t('apiKeys.usage.contractPlaceholder'),
    },
  });
  return (
    <div>
      <Typography.Text strong>{t('apiKeys.usage.title')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        {t('apiKeys.usage.help')} <Typography.Link href="/api/docs">{t('apiKeys.usage.docs')}</Typography.Link>
      </Typography.Paragraph>
      <div style={{ position: 'relative' }}>
        <pre
          style={{
            background: '#0f1b2d',
            color: '#e6edf7',
            padding: '12px 14px',
            borderRadius: 8,
            fontSize: 12,
            lineHeight: 1.6,
            overflowX: 'auto',
            margin: 0,
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
          }}
        >
          {text}
        </pre>
        <Typography.Text
          copyable={{ text, tooltips: [t('apiKeys.created.copy'), t('apiKeys.created.copied')] }}
          style={{ position: 'absolute', top: 6, right: 10, color: '#e6edf7' }}
        />
      </div>
    </div>
  );
}
