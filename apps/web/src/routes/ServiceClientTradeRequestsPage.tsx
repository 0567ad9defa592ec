import type { TradeRequest } from '@raccord/schemas';
import { Card, Flex, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { CloseTradeRequestModal } from '../features/contracts/trade-requests/CloseTradeRequestModal';
import { TradeRequestsTable } from '../features/contracts/trade-requests/TradeRequestsTable';
import { useTradeRequests } from '../features/contracts/use-contract-queries';

type StatusFilter = 'open' | 'added' | 'rejected' | 'all';

/** `/service-client/metiers`: the métier requests sent from step 2, for the service client. */
export function ServiceClientTradeRequestsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [closing, setClosing] = useState<TradeRequest | null>(null);
  const requests = useTradeRequests({ status: status === 'all' ? undefined : status, ...page });

  return (
    <>
      <PageHeader title={t('contracts.tradeRequests.title')} subtitle={t('contracts.tradeRequests.subtitle')} />
      <Card variant="borderless">
        <Flex style={{ marginBottom: 16 }}>
          <Segmented<StatusFilter>
            aria-label={t('common.status')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage((p) => ({ ...p, page: 1 }));
            }}
            options={[
              { value: 'open', label: t('contracts.tradeRequests.status.open') },
              { value: 'added', label: t('contracts.tradeRequests.status.added') },
              { value: 'rejected', label: t('contracts.tradeRequests.status.rejected') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        </Flex>
        {requests.isError ? (
          <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />
        ) : (
          <TradeRequestsTable
            items={requests.data?.items ?? []}
            total={requests.data?.total ?? 0}
            page={page.page}
            pageSize={page.pageSize}
            loading={requests.isFetching}
            onPageChange={(p, pageSize) => setPage({ page: p, pageSize })}
            onClose={setClosing}
          />
        )}
      </Card>
      <CloseTradeRequestModal request={closing} onClose={() => setClosing(null)} />
    </>
  );
}
