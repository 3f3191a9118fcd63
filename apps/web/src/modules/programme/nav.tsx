import {
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  FileTextOutlined,
  ProjectOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { Me } from '../../api/types';
import type { Nav } from '../../app/nav-types';
import { useProgrammeMessages } from './messages';

/** This module's menu entries (see app-layout): right after 首页. */
export function useProgrammeNav(user: Me): Nav[] {
  void user;
  const t = useProgrammeMessages();
  return [
    {
      key: 'programme',
      label: t.menu,
      icon: <ProjectOutlined />,
      children: [
        { key: '/programme', label: t.dashboard, icon: <DashboardOutlined />, permission: 'programme:read' },
        { key: '/programme/plan', label: t.plan, icon: <FileTextOutlined />, permission: 'programme:read' },
        {
          key: '/programme/allocation',
          label: t.allocation,
          icon: <ApartmentOutlined />,
          permission: 'programme:write',
        },
        {
          key: '/programme/work-items',
          label: t.workItems,
          icon: <UnorderedListOutlined />,
          permission: 'workitem:read',
        },
        { key: '/programme/meetings', label: t.meetings, icon: <TeamOutlined />, permission: 'programme:read' },
        { key: '/programme/evaluation', label: t.evaluation, icon: <AuditOutlined />, permission: 'evaluation:read' },
      ],
    },
  ];
}
