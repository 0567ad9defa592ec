import { Card, Flex, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { AuditTable } from '../features/audit/AuditTable';
import { actionLabel, knownAuditActions } from '../features/audit/audit-labels';
import { useAuditEvents } from '../features/audit/use-audit-events';
import { useSession } from '../features/auth/use-session';
import { OrganizationSelect } from '../features/organizations/OrganizationSelect';

export function AuditPage() {
  const { t } = useTranslation();
  const { user, organization } = useSession();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [action, setAction] = useState<string | undefined>();
  const [organizationId, setOrganizationId] = useState<string | undefined>();

  const events = useAuditEvents({ page, pageSize, action, organizationId });

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={user.isOperator ? t('audit.subtitleOperator') : t('audit.subtitleAdmin', { name: organization.name })}
      />
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select<string>
            aria-label={t('audit.actionFilter')}
            placeholder={t('audit.allActions')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={action}
            onChange={(value) => {
              setAction(value ?? undefined);
              setPage(1);
            }}
            options={knownAuditActions.map((a) => ({ value: a, label: actionLabel(t, a) }))}
            style={{ width: 260 }}
          />
          {user.isOperator && (
            <OrganizationSelect
              ariaLabel={t('audit.organizationFilter')}
              placeholder={t('audit.allOrganizations')}
              value={organizationId}
              onChange={(id) => {
                setOrganizationId(id);
                setPage(1);
              }}
              style={{ width: 300 }}
            />
          )}
        </Flex>
        {events.isError ? (
          <ErrorState error={events.error} onRetry={() => void events.refetch()} />
        ) : (
          <AuditTable
            items={events.data?.items ?? []}
            total={events.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            loading={events.isFetching}
            onPageChange={(nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            }}
          />
        )}
      </Card>
    </>
  );
}
