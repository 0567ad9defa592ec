import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { Organization, OrganizationKind } from '@raccord/schemas';
import { organizationKinds } from '@raccord/schemas';
import { Button, Card, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../features/auth/use-session';
import { OrganizationDrawer } from '../features/organizations/OrganizationDrawer';
import { OrganizationFormModal } from '../features/organizations/OrganizationFormModal';
import { OrganizationTable } from '../features/organizations/OrganizationTable';
import { useDirectoryParams } from '../features/organizations/use-directory-params';
import { useOrganizationDirectory } from '../features/organizations/use-organizations';
import { canManageOrganizations } from '../lib/permissions';
import { useDebouncedValue } from '../lib/use-debounced-value';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const isOperator = canManageOrganizations(session);
  const [params, setParams] = useDirectoryParams();
  const [search, setSearch] = useState(params.q);
  const debouncedSearch = useDebouncedValue(search.trim(), 250);
  const [selected, setSelected] = useState<Organization | null>(null);
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);

  useEffect(() => {
    if (debouncedSearch !== params.q) setParams({ q: debouncedSearch, page: 1 });
  }, [debouncedSearch, params.q, setParams]);

  const directory = useOrganizationDirectory({
    q: params.q || undefined,
    kind: params.kind,
    page: params.page,
    pageSize: params.pageSize,
  });

  const filtered = params.q !== '' || params.kind !== undefined;

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        subtitle={t('organizations.subtitle')}
        extra={
          isOperator && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('organizations.create')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            aria-label={t('organizations.searchLabel')}
            placeholder={t('organizations.searchPlaceholder')}
            prefix={<SearchOutlined style={{ color: '#8c95a3' }} />}
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ flex: '1 1 320px', maxWidth: 480 }}
          />
          <Select<OrganizationKind>
            aria-label={t('organizations.kindFilter')}
            placeholder={t('organizations.allKinds')}
            allowClear
            value={params.kind}
            onChange={(kind) => setParams({ kind: kind ?? null, page: 1 })}
            options={organizationKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            style={{ width: 200 }}
          />
        </Flex>
        {directory.isError ? (
          <ErrorState error={directory.error} onRetry={() => void directory.refetch()} />
        ) : (
          <OrganizationTable
            items={directory.data?.items ?? []}
            total={directory.data?.total ?? 0}
            page={params.page}
            pageSize={params.pageSize}
            loading={directory.isFetching}
            emptyText={filtered ? t('organizations.noResult') : t('organizations.empty')}
            onPageChange={(page, pageSize) => setParams({ page, pageSize })}
            onOpen={setSelected}
            onEdit={isOperator ? setEditing : undefined}
          />
        )}
      </Card>
      <OrganizationDrawer organization={selected} onClose={() => setSelected(null)} onEdit={setEditing} />
      <OrganizationFormModal
        open={editing !== null}
        organization={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          if (saved && selected?.id === saved.id) setSelected(saved);
        }}
      />
    </>
  );
}
