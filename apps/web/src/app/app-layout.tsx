import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  ClusterOutlined,
  ShopOutlined,
  CloudUploadOutlined,
  DatabaseOutlined,
  DownOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FormOutlined,
  HeatMapOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '@shangmi/shared';
import { App, Avatar, Dropdown, Flex, Layout, Menu, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Me } from '../api/types';
import { useCommonMessages } from '../i18n/common';
import { useDomainLabels } from '../i18n/labels';
import { ChangePasswordModal, useAuthMessages } from '../modules/auth';
import { NotificationBell } from '../modules/notifications';
import { LanguageSwitch } from '../ui/language-switch';
import { PageLoading } from '../ui/page-loading';
import { useAuth, useCurrentUser } from './auth';
import { useShellMessages } from './messages';
import type { Nav, NavEntry, NavGroup } from './nav-types';
import { useAttestationNav } from '../modules/attestations/nav';
import { useDesignationNav } from '../modules/designations/nav';
import { useProgrammeNav } from '../modules/programme/nav';
import { useSecretNav } from '../modules/secrets/nav';

type MenuItem = Required<MenuProps>['items'][number];

function isGroup(nav: Nav): nav is NavGroup {
  return 'children' in nav;
}

function useNavigation(user: Me): Nav[] {
  const t = useShellMessages();
  // Enterprise people have one enterprise: the menu takes them straight to it.
  const enterpriseEntry: NavEntry = user.enterpriseId
    ? {
        key: `/enterprises/${user.enterpriseId}`,
        label: t.myEnterprise,
        icon: <BankOutlined />,
        permission: 'enterprise:read',
      }
    : { key: '/enterprises', label: t.enterprises, icon: <BankOutlined />, permission: 'enterprise:read' };
  // Each feature module contributes its own menu entries (hooks: called in the same order every render).
  const programmeNav = useProgrammeNav(user);
  const secretNav = useSecretNav(user);
  const attestationNav = useAttestationNav(user);
  const designationNav = useDesignationNav(user);
  return [
    { key: '/', label: t.home, icon: <HomeOutlined />, permission: 'self' },
    ...programmeNav,
    ...secretNav,
    ...attestationNav,
    {
      key: 'registry',
      label: t.registry,
      icon: <DatabaseOutlined />,
      children: [
        enterpriseEntry,
        {
          key: '/enterprises/import',
          label: t.enterpriseImport,
          icon: <CloudUploadOutlined />,
          permission: 'enterprise:import',
        },
        { key: '/organizations', label: t.organizations, icon: <ApartmentOutlined />, permission: 'organization:read' },
        { key: '/regions', label: t.regions, icon: <EnvironmentOutlined />, permission: 'region:read' },
      ],
    },
    {
      key: 'conformance',
      label: t.conformance,
      icon: <SafetyCertificateOutlined />,
      children: [
        { key: '/frameworks', label: t.frameworks, icon: <ReadOutlined />, permission: 'framework:read' },
        { key: '/campaigns', label: t.campaigns, icon: <FlagOutlined />, permission: 'campaign:read' },
        // Enterprise people fill in their own; others with access see them through campaigns and reviews.
        ...(user.enterpriseId
          ? [
              {
                key: '/assessments',
                label: t.myAssessments,
                icon: <FormOutlined />,
                permission: 'assessment:write' as const,
              },
            ]
          : []),
        { key: '/reviews', label: t.reviews, icon: <FileSearchOutlined />, permission: 'assessment:review' },
        {
          key: '/certificates',
          label: t.certificates,
          icon: <SafetyCertificateOutlined />,
          permission: 'certificate:read',
        },
        {
          key: '/conformance/analytics',
          label: t.analytics,
          icon: <HeatMapOutlined />,
          permission: 'conformance:analytics',
        },
      ],
    },
    {
      key: 'demonstration',
      label: t.demonstration,
      icon: <FlagOutlined />,
      children: [
        { key: '/stations', label: t.stations, icon: <ShopOutlined />, permission: 'station:read' },
        { key: '/bases', label: t.bases, icon: <ClusterOutlined />, permission: 'base:read' },
        { key: '/construction-guide', label: t.constructionGuide, icon: <BookOutlined />, permission: 'criteria:read' },
        ...designationNav,
      ],
    },
    {
      key: 'system',
      label: t.system,
      icon: <SettingOutlined />,
      children: [
        { key: '/users', label: t.users, icon: <TeamOutlined />, permission: 'user:read' },
        { key: '/audit', label: t.audit, icon: <AuditOutlined />, permission: 'audit:read' },
      ],
    },
  ];
}

function toMenuItems(nav: Nav[], can: (permission: Permission) => boolean): MenuItem[] {
  const items: MenuItem[] = [];
  for (const entry of nav) {
    if (isGroup(entry)) {
      const children = entry.children.filter((child) => can(child.permission));
      if (children.length > 0) {
        items.push({
          key: entry.key,
          label: entry.label,
          icon: entry.icon,
          children: children.map((child) => ({
            key: child.key,
            label: <Link to={child.key}>{child.label}</Link>,
            icon: child.icon,
          })),
        });
      }
    } else if (can(entry.permission)) {
      items.push({ key: entry.key, label: <Link to={entry.key}>{entry.label}</Link>, icon: entry.icon });
    }
  }
  return items;
}

/** The menu key that best matches the path: the longest key that is a prefix of it. */
function selectedKey(nav: Nav[], pathname: string): string {
  const keys = nav.flatMap((entry) => (isGroup(entry) ? entry.children.map((child) => child.key) : [entry.key]));
  let best = '/';
  for (const key of keys) {
    const matches = pathname === key || pathname.startsWith(`${key}/`);
    if (matches && key.length > best.length) {
      best = key;
    }
  }
  // /enterprises/import is a sibling of /enterprises/:id, not a child of the list.
  return best;
}

export function AppLayout() {
  const user = useCurrentUser();
  const { can, logout } = useAuth();
  const common = useCommonMessages();
  const authText = useAuthMessages();
  const labels = useDomainLabels();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);

  const nav = useNavigation(user);
  const items = useMemo(() => toMenuItems(nav, can), [nav, can]);
  const selected = selectedKey(nav, location.pathname);

  const userMenu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: authText.changePassword },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: authText.logout, danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'password') {
        setPasswordOpen(true);
      } else if (key === 'logout') {
        void logout().then(() => {
          void message.success(authText.loggedOut);
          return navigate('/login', { replace: true, state: null });
        });
      }
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220} theme="dark">
        <Link to="/" aria-label={common.appTitle}>
          <Flex align="center" gap={10} style={{ height: 64, padding: collapsed ? '0 24px' : '0 20px', color: '#fff' }}>
            <SafetyCertificateOutlined style={{ fontSize: 24, color: '#fff' }} />
            {collapsed ? null : (
              <Flex vertical style={{ lineHeight: 1.2 }}>
                <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 2, color: '#fff' }}>{common.appName}</span>
                <span style={{ fontSize: 11, color: 'rgba(255,255,255,0.65)' }}>{common.appTitle}</span>
              </Flex>
            )}
          </Flex>
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={[selected]}
          defaultOpenKeys={['programme', 'secrets-group', 'registry', 'conformance', 'demonstration', 'system']}
          aria-label="main navigation"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            borderBottom: '1px solid #e5e8ee',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>
            {user.organization?.name ?? common.appTitle}
          </Typography.Text>
          <Flex align="center" gap={16}>
            <LanguageSwitch />
            <NotificationBell />
            <Dropdown menu={userMenu} trigger={['click']}>
              <a
                onClick={(event) => event.preventDefault()}
                href="#user"
                data-testid="user-menu"
                style={{ display: 'flex', alignItems: 'center', gap: 8, color: 'inherit' }}
              >
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f4e9c' }} />
                <Flex vertical style={{ lineHeight: 1.25 }}>
                  <span data-testid="current-user">{user.displayName}</span>
                  <span style={{ fontSize: 12, color: '#8c8c8c' }}>
                    {user.roles.map((role) => labels.role(role)).join('、')}
                  </span>
                </Flex>
                <DownOutlined style={{ fontSize: 10 }} />
              </a>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          {/* Pages are lazy: the menu and header stay while a feature's code loads. */}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, padding: '12px 24px' }}>
          {common.appName} · {common.appTitle}
          {user.region ? (
            <Tag style={{ marginLeft: 8 }} variant="filled">
              {user.region.name}
            </Tag>
          ) : null}
        </Layout.Footer>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
