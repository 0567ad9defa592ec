import type { Submission } from '@raccord/schemas';
import { Button, Card, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { CodesStateTag } from '../features/service-codes/CodesStateTag';
import { useSubmissions } from '../features/service-codes/use-service-codes';

type Filter = 'submitted' | 'integrated' | 'all';

/** `/service-client/codes-prestation` — tables sent to the service client, to review and integrate. */
export function ServiceClientCodesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('submitted');
  const submissions = useSubmissions(filter);
  return (
    <>
      <PageHeader title={t('serviceCodes.submissions.title')} subtitle={t('serviceCodes.submissions.subtitle')} />
      <Card variant="borderless">
        <Segmented<Filter>
          style={{ marginBottom: 16 }}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'submitted', label: t('serviceCodes.states.submitted') },
            { value: 'integrated', label: t('serviceCodes.states.integrated') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        {submissions.isError ? (
          <ErrorState error={submissions.error} onRetry={() => void submissions.refetch()} />
        ) : (
          <Table<Submission>
            rowKey="contractId"
            loading={submissions.isPending}
            dataSource={submissions.data?.items ?? []}
            aria-label={t('serviceCodes.submissions.title')}
            locale={{ emptyText: t('serviceCodes.submissions.empty') }}
            columns={[
              {
                key: 'contract',
                title: t('serviceCodes.submissions.contract'),
                render: (_, s) => (
                  <>
                    <Typography.Text strong>{s.contractLabel}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary">{s.trade}</Typography.Text>
                    </div>
                  </>
                ),
              },
              {
                key: 'parties',
                title: t('serviceCodes.submissions.parties'),
                render: (_, s) => `${s.owner} · ${s.provider}`,
              },
              { key: 'pairs', title: t('serviceCodes.submissions.pairs'), dataIndex: 'pairCount', width: 110 },
              {
                key: 'state',
                title: t('serviceCodes.pairs.status'),
                width: 130,
                render: (_, s) => <CodesStateTag state={s.state} />,
              },
              {
                key: 'since',
                title: t('serviceCodes.submissions.since'),
                width: 200,
                render: (_, s) => (
                  <>
                    {s.submittedAt ? new Date(s.submittedAt).toLocaleString(i18n.language) : '—'}
                    {s.submittedBy && (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {s.submittedBy}
                        </Typography.Text>
                      </div>
                    )}
                  </>
                ),
              },
              {
                key: 'open',
                title: '',
                width: 120,
                render: (_, s) => (
                  <Button onClick={() => void navigate(`/contrats/projets/${s.contractId}#codes`)}>
                    {t('serviceCodes.submissions.review')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
