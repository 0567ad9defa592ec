import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  CodeOutlined,
  FileProtectOutlined,
  HomeOutlined,
  InboxOutlined,
  KeyOutlined,
  OrderedListOutlined,
  PartitionOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { canManageApiKeys } from '../features/api-keys/api-key-permissions';
import { canBrowseSharedPatrimoine } from '../features/sharing/sharing-permissions';
import type { Viewer } from '../lib/permissions';
import { canManageTrades, canReadAudit, canUsePatrimoine, canUseServiceCodes, canUseStudio } from '../lib/permissions';

interface NavLink {
  path: string;
  labelKey: string;
  icon: ReactNode;
  allowed: (viewer: Viewer) => boolean;
}

const everyone = () => true;

export const studioLinks: NavLink[] = [
  { path: '/studio/contrats', labelKey: 'nav.contract', icon: <FileProtectOutlined />, allowed: canUseStudio },
];

export const platformLinks: NavLink[] = [
  { path: '/patrimoine', labelKey: 'nav.patrimoine', icon: <HomeOutlined />, allowed: canUsePatrimoine },
  {
    path: '/patrimoine-partage',
    labelKey: 'nav.sharedPatrimoine',
    icon: <PartitionOutlined />,
    allowed: canBrowseSharedPatrimoine,
  },
  { path: '/codes-prestation', labelKey: 'nav.serviceCodes', icon: <CodeOutlined />, allowed: canUseServiceCodes },
  { path: '/organisations', labelKey: 'nav.organizations', icon: <BankOutlined />, allowed: everyone },
  { path: '/metiers', labelKey: 'nav.trades', icon: <ToolOutlined />, allowed: canManageTrades },
  { path: '/service-client/metiers', labelKey: 'nav.tradeRequests', icon: <InboxOutlined />, allowed: canManageTrades },
  {
    path: '/service-client/codes-prestation',
    labelKey: 'nav.serviceCodeSubmissions',
    icon: <OrderedListOutlined />,
    allowed: canManageTrades,
  },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, allowed: canReadAudit },
];

export const accountLink: NavLink = {
  path: '/mon-compte',
  labelKey: 'nav.account',
  icon: <UserOutlined />,
  allowed: everyone,
};

export const apiKeysLink: NavLink = {
  path: '/mon-compte/cles-api',
  labelKey: 'nav.apiKeys',
  icon: <KeyOutlined />,
  allowed: canManageApiKeys,
};

export const webhooksLink: NavLink = {
  path: '/mon-compte/webhooks',
  labelKey: 'nav.webhooks',
  icon: <ApiOutlined />,
  allowed: canManageApiKeys,
};

const allLinks = [...studioLinks, ...platformLinks, accountLink, apiKeysLink, webhooksLink];

type MenuItem = Required<MenuProps>['items'][number];

/** The sider menu, reduced to what the viewer's role may use. Keys are paths. */
export function buildMenuItems(viewer: Viewer, t: TFunction): MenuItem[] {
  const toItem = (link: NavLink): MenuItem => ({ key: link.path, icon: link.icon, label: t(link.labelKey) });
  const items: MenuItem[] = [];
  const studio = studioLinks.filter((l) => l.allowed(viewer));
  if (studio.length > 0) {
    items.push({
      type: 'group',
      key: 'studio',
      label: t('nav.studio'),
      children: [
        { key: 'services', icon: <ApartmentOutlined />, label: t('nav.services'), children: studio.map(toItem) },
      ],
    });
  }
  items.push({
    type: 'group',
    key: 'platform',
    label: t('nav.platform'),
    children: platformLinks.filter((l) => l.allowed(viewer)).map(toItem),
  });
  items.push({ type: 'divider', key: 'divider' });
  items.push(toItem(accountLink));
  if (apiKeysLink.allowed(viewer)) items.push(toItem(apiKeysLink));
  if (webhooksLink.allowed(viewer)) items.push(toItem(webhooksLink));
  return items;
}

/** The menu key of the page being shown: the longest nav path that prefixes the location. */
export function selectedMenuKey(pathname: string): string | undefined {
  return allLinks
    .map((l) => l.path)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
}
