import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router-dom';
import { useCommonMessages } from '../../../i18n/common';
import { LanguageSwitch } from '../../../ui/language-switch';
import { useDesignationMessages } from '../../designations/messages';
import { usePlaceMessages } from '../messages';

export interface PublicFrameProps {
  title: string;
  subtitle: string;
  children: ReactNode;
}

/** The frame of the public pages: no session, no app layout, links between the directory and the map. */
export function PublicFrame({ title, subtitle, children }: PublicFrameProps) {
  const t = usePlaceMessages();
  const common = useCommonMessages();
  const designations = useDesignationMessages();
  const linkStyle = ({ isActive }: { isActive: boolean }) => ({
    color: '#fff',
    opacity: isActive ? 1 : 0.7,
    fontWeight: isActive ? 600 : 400,
  });
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', background: '#f3f5f9' }}>
      <Flex
        align="center"
        justify="space-between"
        wrap
        gap={12}
        style={{ width: '100%', boxSizing: 'border-box', background: '#0f2a56', color: '#fff', padding: '12px 24px' }}
      >
        <Flex align="center" gap={10}>
          <SafetyCertificateOutlined style={{ fontSize: 22 }} />
          <span style={{ fontSize: 16, fontWeight: 600, letterSpacing: 1 }}>{common.appTitle}</span>
        </Flex>
        <Flex align="center" gap={20}>
          <NavLink to="/public/stations" style={linkStyle}>
            {t.directoryLink}
          </NavLink>
          <NavLink to="/public/map" style={linkStyle}>
            {t.mapLink}
          </NavLink>
          <NavLink to="/public/designations" style={linkStyle}>
            {designations.directoryLink}
          </NavLink>
          <NavLink to="/public/notices" style={linkStyle}>
            {designations.noticesLink}
          </NavLink>
          <LanguageSwitch dark />
        </Flex>
      </Flex>
      <div style={{ width: '100%', maxWidth: 1200, padding: '24px 16px', boxSizing: 'border-box' }}>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>
        {children}
        <Flex justify="space-between" style={{ marginTop: 16 }} wrap gap={8}>
          <Typography.Text type="secondary">{t.dept}</Typography.Text>
          <Link to="/login">{t.loginLink}</Link>
        </Flex>
      </div>
    </Flex>
  );
}
