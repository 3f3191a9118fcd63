import { LockOutlined } from '@ant-design/icons';
import type { Me } from '../../api/types';
import type { Nav } from '../../app/nav-types';
import { useSecretMessages } from './messages';

/** This module's menu entries (see app-layout): the enterprise's own secret register. */
export function useSecretNav(user: Me): Nav[] {
  const t = useSecretMessages();
  if (!user.permissions.includes('secret:read')) {
    return [];
  }
  return [
    {
      key: 'secrets-group',
      label: t.nav,
      icon: <LockOutlined />,
      children: [
        { key: '/secrets', label: t.navRegister, icon: <LockOutlined />, permission: 'secret:read' },
        { key: '/secrets/personnel', label: t.navPersonnel, icon: <LockOutlined />, permission: 'secret:manage' },
        { key: '/secrets/agreements', label: t.navAgreements, icon: <LockOutlined />, permission: 'secret:manage' },
        { key: '/secrets/offboardings', label: t.navOffboardings, icon: <LockOutlined />, permission: 'secret:manage' },
        { key: '/secrets/access-log', label: t.navAccessLog, icon: <LockOutlined />, permission: 'secret:manage' },
      ],
    },
  ];
}
