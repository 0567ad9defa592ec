import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const tabKeys = ['synthese', 'connecteur', 'codes'] as const;
type TabKey = (typeof tabKeys)[number];

function tabOf(hash: string): TabKey {
  const key = hash.replace(/^#/, '');
  return (tabKeys as readonly string[]).includes(key) ? (key as TabKey) : 'synthese';
}

interface Props {
  overview: ReactNode;
  operations: ReactNode;
  codes: ReactNode;
}

/**
 * A live contract's page in three tabs — overview (synchronisation, terms, parties, history), the
 * connector and its operations, the service codes — kept in the address (`#connecteur`, `#codes`)
 * so an e-mail or a bookmark opens the right one.
 */
export function ContractTabs({ overview, operations, codes }: Props) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const active = tabOf(location.hash);
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => void navigate({ hash: key === 'synthese' ? '' : key }, { replace: true })}
      items={[
        { key: 'synthese', label: t('contracts.tabs.overview'), children: overview },
        { key: 'connecteur', label: t('contracts.tabs.connector'), children: operations },
        { key: 'codes', label: t('contracts.tabs.codes'), children: codes },
      ]}
    />
  );
}
