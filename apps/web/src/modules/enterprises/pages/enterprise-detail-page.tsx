import { EditOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import type { Enterprise } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useDomainLabels } from '../../../i18n/labels';
import { ErrorResult } from '../../../ui/error-result';
import { formatDateTime, orDash } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { ReasonModal } from '../../../ui/reason-modal';
import { EnterpriseHistory } from '../components/enterprise-history';
import { EnterpriseStatusTag } from '../components/enterprise-status-tag';
import { HonourTags } from '../components/honour-tags';
import { useChangeEnterpriseStatus, useEnterprise, type EnterpriseStatusChange } from '../hooks/use-enterprises';
import { useEnterpriseMessages } from '../messages';

interface EnterpriseDetailsProps {
  enterprise: Enterprise;
}

function EnterpriseDetails({ enterprise }: EnterpriseDetailsProps) {
  const t = useEnterpriseMessages();
  const labels = useDomainLabels();
  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, md: 2 }}
      data-testid="enterprise-details"
      items={[
        { key: 'name', label: t.name, children: enterprise.name },
        {
          key: 'uscc',
          label: t.uscc,
          children: (
            <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
              {enterprise.uscc}
            </Typography.Text>
          ),
        },
        { key: 'region', label: t.region, children: enterprise.regionName },
        { key: 'industry', label: t.industry, children: enterprise.industryName },
        { key: 'size', label: t.size, children: labels.size(enterprise.size) },
        { key: 'employees', label: t.employees, children: orDash(enterprise.employees) },
        { key: 'honours', label: t.honours, children: <HonourTags honours={enterprise.honours} />, span: 2 },
        { key: 'address', label: t.address, children: enterprise.address, span: 2 },
        { key: 'legal', label: t.legalRepresentative, children: orDash(enterprise.legalRepresentative) },
        { key: 'contact', label: t.contactName, children: enterprise.contactName },
        { key: 'phone', label: t.contactPhone, children: enterprise.contactPhone },
        { key: 'email', label: t.contactEmail, children: orDash(enterprise.contactEmail) },
        { key: 'status', label: t.status, children: <EnterpriseStatusTag status={enterprise.status} /> },
        { key: 'createdAt', label: t.createdAt, children: formatDateTime(enterprise.createdAt) },
        { key: 'updatedAt', label: t.updatedAt, children: formatDateTime(enterprise.updatedAt) },
      ]}
    />
  );
}

export function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const t = useEnterpriseMessages();
  const common = useCommonMessages();
  const { can, user } = useAuth();
  const { message } = App.useApp();
  const enterprise = useEnterprise(id);
  const changeStatus = useChangeEnterpriseStatus(id);
  const [statusChange, setStatusChange] = useState<EnterpriseStatusChange | null>(null);

  const ownEnterprise = user?.enterpriseId === id;
  const crumbs = ownEnterprise ? [] : [{ title: t.listTitle, to: '/enterprises' }];

  if (enterprise.isPending) {
    return <Skeleton active paragraph={{ rows: 10 }} />;
  }
  if (enterprise.isError) {
    return <ErrorResult error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  }
  const data = enterprise.data;
  const canWrite = can('enterprise:write');

  return (
    <>
      <PageHeader
        title={
          <>
            {data.name}
            {data.synthetic ? (
              <Tag variant="filled" style={{ marginLeft: 8, verticalAlign: 'middle' }}>
                {t.synthetic}
              </Tag>
            ) : null}
          </>
        }
        crumbs={[...crumbs, { title: data.name }]}
        extra={
          canWrite ? (
            data.status === 'active' ? (
              <>
                <Button danger icon={<InboxOutlined />} onClick={() => setStatusChange('archive')}>
                  {t.archive}
                </Button>
                <Link to={`/enterprises/${data.id}/edit`}>
                  <Button type="primary" icon={<EditOutlined />}>
                    {common.edit}
                  </Button>
                </Link>
              </>
            ) : (
              <Button icon={<RollbackOutlined />} onClick={() => setStatusChange('restore')}>
                {t.restore}
              </Button>
            )
          ) : null
        }
      />
      {data.status === 'archived' ? (
        <Alert
          type="warning"
          showIcon
          title={t.archivedBanner}
          description={data.archivedReason ? `${t.reason}：${data.archivedReason}` : undefined}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card title={t.basicInfo} style={{ marginBottom: 16 }}>
        <EnterpriseDetails enterprise={data} />
      </Card>
      <Card title={t.history}>
        <EnterpriseHistory enterpriseId={data.id} />
      </Card>
      <ReasonModal
        open={statusChange !== null}
        title={statusChange === 'restore' ? t.restoreTitle(data.name) : t.archiveTitle(data.name)}
        label={t.reason}
        placeholder={t.reasonPlaceholder}
        requiredMessage={t.reasonRequired}
        okText={statusChange === 'restore' ? t.restore : t.archive}
        danger={statusChange === 'archive'}
        onClose={() => setStatusChange(null)}
        onSubmit={async (reason) => {
          if (!statusChange) {
            return;
          }
          await changeStatus.mutateAsync({ change: statusChange, reason });
          void message.success(statusChange === 'restore' ? t.restored : t.archived);
        }}
      />
    </>
  );
}
