import { SearchOutlined } from '@ant-design/icons';
import type { Organization } from '@raccord/schemas';
import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { formatSiren } from '../../organizations/format';
import { KindTags } from '../../organizations/KindTags';
import { ReadyTag } from '../../organizations/ReadyTag';
import { searchDirectory } from '../contracts.api';

/** What the step shows of a party's organisation (the directory's, or the project's when resumed). */
export interface PickedOrganization {
  id: string;
  name: string;
  siren: string;
  ready: boolean;
  city?: string | null;
  kinds?: Organization['kinds'];
}

interface OrganizationSearchProps {
  id?: string;
  value?: string | null;
  onChange?: (id: string | null) => void;
  onPick: (org: PickedOrganization | null) => void;
  kind: 'provider' | undefined;
  /** Organisations that cannot be chosen here (the owner itself, the other party). */
  excludeIds: string[];
  known: PickedOrganization | null;
  placeholder: string;
  ariaLabel: string;
}

/** A directory typeahead: name, SIREN or city; each option shows its city, SIREN and "Connecté". */
export function OrganizationSearch(props: OrganizationSearchProps) {
  const { id, value, onChange, onPick, kind, excludeIds, known, placeholder, ariaLabel } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 200);
  const results = useQuery({
    queryKey: ['contracts', 'directory', kind ?? 'any', q],
    queryFn: ({ signal }) => searchDirectory(q, kind, signal),
    staleTime: 60_000,
  });
  const found = (results.data?.items ?? []).filter((o) => !o.isPlatform);
  const options: Array<{ value: string; label: string; disabled: boolean; org: PickedOrganization }> = found.map(
    (org) => ({ value: org.id, label: org.name, disabled: excludeIds.includes(org.id), org }),
  );
  if (value && known && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: known.name, disabled: false, org: known });
  }

  return (
    <Select<string | null>
      id={id}
      aria-label={ariaLabel}
      placeholder={placeholder}
      size="large"
      suffixIcon={<SearchOutlined />}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value ?? null}
      loading={results.isFetching}
      notFoundContent={results.isFetching ? t('common.loading') : t('organizations.noResult')}
      options={options}
      optionRender={(option) => {
        const org = option.data.org;
        const excluded = excludeIds.includes(org.id);
        return (
          <Flex justify="space-between" align="center" gap={12}>
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text strong ellipsis>
                {org.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[org.city, `SIREN ${formatSiren(org.siren)}`].filter(Boolean).join(' · ')}
                {excluded ? ` · ${t('contracts.parties.alreadyParty')}` : ''}
              </Typography.Text>
            </Flex>
            <Flex gap={6} align="center">
              {org.kinds && org.kinds.length > 0 && <KindTags kinds={org.kinds} />}
              {org.ready && <ReadyTag ready />}
            </Flex>
          </Flex>
        );
      }}
      onChange={(next, option) => {
        setSearch('');
        const picked = option && !Array.isArray(option) ? option.org : null;
        onPick(picked);
        onChange?.(next ?? null);
      }}
      style={{ width: '100%' }}
    />
  );
}
