import { AuditOutlined, FileProtectOutlined, FormOutlined, TrophyOutlined } from '@ant-design/icons';
import type { Me } from '../../api/types';
import type { NavEntry } from '../../app/nav-types';
import { useDesignationMessages } from './messages';

/** This module's menu entries, placed in the 示范创建 group after 建设指南 (see app-layout). */
export function useDesignationNav(user: Me): NavEntry[] {
  const t = useDesignationMessages();
  const roles = user.roles;
  const cityOrCounty = roles.includes('city_admin') || roles.includes('county_admin');
  const expertOrCity = roles.includes('expert') || roles.includes('city_admin');
  return [
    { key: '/applications', label: t.navApplications, icon: <FormOutlined />, permission: 'designation:read' },
    { key: '/designations', label: t.navDesignations, icon: <TrophyOutlined />, permission: 'designation:read' },
    ...(cityOrCounty
      ? [
          {
            key: '/designations/reviews',
            label: t.navReviews,
            icon: <AuditOutlined />,
            permission: 'designation:read' as const,
          },
        ]
      : []),
    ...(expertOrCity
      ? [
          {
            key: '/expert-ties',
            label: t.navTies,
            icon: <FileProtectOutlined />,
            permission: 'designation:read' as const,
          },
        ]
      : []),
  ];
}
