import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export interface PageHeaderCrumb {
  title: string;
  to?: string;
}

export interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  crumbs?: PageHeaderCrumb[];
  extra?: ReactNode;
}

/** The title row every page starts with: breadcrumbs, a heading and the page's main actions. */
export function PageHeader({ title, subtitle, crumbs, extra }: PageHeaderProps) {
  return (
    <div style={{ marginBottom: 16 }}>
      {crumbs && crumbs.length > 0 ? (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={crumbs.map((crumb) => ({
            key: crumb.title,
            title: crumb.to ? <Link to={crumb.to}>{crumb.title}</Link> : crumb.title,
          }))}
        />
      ) : null}
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
        </div>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
    </div>
  );
}
