import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useOrganizationDirectory } from './use-organizations';

interface OrganizationSelectProps {
  value: string | undefined;
  onChange: (organizationId: string | undefined) => void;
  ariaLabel: string;
  placeholder: string;
  style?: CSSProperties;
}

/** Picks one organisation of the directory, searched as the user types. */
export function OrganizationSelect({ value, onChange, ariaLabel, placeholder, style }: OrganizationSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const directory = useOrganizationDirectory({ q: q || undefined, page: 1, pageSize: 20 });
  const [labels, setLabels] = useState<Record<string, string>>({});

  const options = (directory.data?.items ?? []).map((org) => ({ value: org.id, label: org.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: labels[value] ?? value });

  return (
    <Select<string>
      aria-label={ariaLabel}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      allowClear
      value={value}
      loading={directory.isFetching}
      notFoundContent={directory.isFetching ? t('common.loading') : t('organizations.noResult')}
      options={options}
      onChange={(id, option) => {
        if (id && option && !Array.isArray(option) && typeof option.label === 'string') {
          setLabels((current) => ({ ...current, [id]: String(option.label) }));
        }
        setSearch('');
        onChange(id ?? undefined);
      }}
      style={style}
    />
  );
}
