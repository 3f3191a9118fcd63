import { Card, Descriptions, Tag } from 'antd';
import type { Me } from '../../../api/types';
import { useDomainLabels } from '../../../i18n/labels';
import { useHomeMessages } from '../messages';

export interface UserContextCardProps {
  user: Me;
}

export function UserContextCard({ user }: UserContextCardProps) {
  const t = useHomeMessages();
  const labels = useDomainLabels();
  return (
    <Card title={t.context} data-testid="user-context">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'displayName', label: t.displayName, children: user.displayName },
          { key: 'username', label: t.username, children: user.username },
          {
            key: 'organization',
            label: t.organization,
            children: user.organization ? (
              <>
                {user.organization.name} <Tag variant="filled">{labels.organizationKind(user.organization.kind)}</Tag>
              </>
            ) : (
              t.none
            ),
          },
          { key: 'region', label: t.region, children: user.region?.name ?? t.none },
          {
            key: 'roles',
            label: t.roles,
            children: user.roles.map((role) => (
              <Tag key={role} color="blue">
                {labels.role(role)}
              </Tag>
            )),
          },
        ]}
      />
    </Card>
  );
}
