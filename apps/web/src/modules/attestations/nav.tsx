import { SafetyOutlined } from '@ant-design/icons';
import type { Me } from '../../api/types';
import type { Nav } from '../../app/nav-types';
import { useAttestationMessages } from './messages';

/** This module's menu entries (see app-layout): enterprise users attest files. */
export function useAttestationNav(user: Me): Nav[] {
  const t = useAttestationMessages();
  if (!user.permissions.includes('attestation:read')) {
    return [];
  }
  return [{ key: '/attestations', label: t.nav, icon: <SafetyOutlined />, permission: 'attestation:read' }];
}
