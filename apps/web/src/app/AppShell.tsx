import { LogoutOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Grid, Layout, Menu, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LogoMark } from '../components/LogoMark';
import { LanguageSwitch } from '../features/account/LanguageSwitch';
import { useLogout } from '../features/auth/use-auth-mutations';
import { useSession } from '../features/auth/use-session';
import { buildMenuItems, selectedMenuKey } from './navigation';
import { brand } from './theme';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return parts
    .slice(0, 2)
    .map((p) => p.charAt(0).toUpperCase())
    .join('');
}

/** The signed-in frame: sider navigation, header with organisation, user, language and sign-out. */
export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const { user, organization } = session;
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);

  const items = useMemo(() => buildMenuItems(session, t), [session, t]);
  const selected = selectedMenuKey(location.pathname);
  const roleLabel = user.isOperator ? t('roles.operator') : t(`roles.${user.role}`);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={236}
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Flex align="center" style={{ height: 56, padding: collapsed ? '0 24px' : '0 20px' }}>
          <LogoMark textColor="#ffffff" showText={!collapsed} />
        </Flex>
        <nav aria-label={t('nav.mainMenu')}>
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={selected ? [selected] : []}
            defaultOpenKeys={['services']}
            onClick={({ key }) => void navigate(key)}
            style={{ borderInlineEnd: 0 }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: 16,
            borderBottom: '1px solid #e6e9ef',
          }}
        >
          <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong ellipsis style={{ fontSize: 15 }}>
              {organization.name}
            </Typography.Text>
            {screens.md &&
              organization.kinds.map((kind) => (
                <Tag key={kind} variant="filled" color="blue">
                  {t(`kinds.${kind}`)}
                </Tag>
              ))}
            {organization.isPlatform && (
              <Tag variant="filled" color="purple">
                {t('organizations.platform')}
              </Tag>
            )}
          </Flex>
          <LanguageSwitch />
          <Flex align="center" gap={8}>
            <Avatar size={30} style={{ background: brand.primary, flex: 'none' }}>
              {initials(user.name)}
            </Avatar>
            {screens.md && (
              <Flex vertical style={{ lineHeight: 1.25 }}>
                <Typography.Text style={{ fontSize: 13 }}>{user.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {roleLabel}
                </Typography.Text>
              </Flex>
            )}
          </Flex>
          <Button icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()}>
            {t('header.signOut')}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ padding: '24px 32px 40px' }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
