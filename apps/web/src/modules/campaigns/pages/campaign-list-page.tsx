import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, Progress, Select, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import type { Campaign } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useConformanceLabels, type CampaignStatus } from '../../../i18n/conformance-labels';
import { ErrorResult } from '../../../ui/error-result';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { useCampaignList } from '../hooks/use-campaigns';
import { useCampaignMessages } from '../messages';

const STATUSES: readonly CampaignStatus[] = ['open', 'closed'];

export function CampaignListPage() {
  const t = useCampaignMessages();
  const common = useCommonMessages();
  const labels = useConformanceLabels();
  const { can } = useAuth();
  const url = useUrlState();
  const q = url.get('q');
  const status = STATUSES.find((value) => value === url.get('status'));
  const list = useCampaignList({ q, status, page: url.page, pageSize: url.pageSize });
  return (
    <>
      <PageHeader
        title={t.listTitle}
        subtitle={t.listSubtitle}
        extra={
          can('campaign:write') ? (
            <Link to="/campaigns/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t.newCampaign}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card
        title={
          <Flex gap={8}>
            <Input.Search
              key={q ?? ''}
              defaultValue={q}
              allowClear
              placeholder={t.searchPlaceholder}
              aria-label={t.searchPlaceholder}
              onSearch={(value) => url.set({ q: value.trim() || undefined })}
              style={{ maxWidth: 280 }}
            />
            <Select<CampaignStatus>
              aria-label={t.status}
              placeholder={t.anyStatus}
              allowClear
              value={status}
              onChange={(next) => url.set({ status: next })}
              options={STATUSES.map((value) => ({ value, label: labels.campaignStatus(value) }))}
              style={{ width: 140 }}
            />
          </Flex>
        }
      >
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Campaign>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            data-testid="campaign-table"
            scroll={{ x: 1000 }}
            locale={{ emptyText: <Empty description={q || status ? t.emptyFiltered : t.empty} /> }}
            pagination={{
              current: list.data?.page ?? 1,
              pageSize: list.data?.pageSize ?? 20,
              total: list.data?.total ?? 0,
              showTotal: (total) => common.total(total),
              onChange: (page, pageSize) => url.set({ page, pageSize }),
            }}
            columns={[
              {
                title: t.name,
                dataIndex: 'name',
                key: 'name',
                render: (name: string, campaign) => <Link to={`/campaigns/${campaign.id}`}>{name}</Link>,
              },
              { title: t.standard, dataIndex: 'standardVersionLabel', key: 'standard', width: 260 },
              {
                title: t.owner,
                key: 'owner',
                width: 110,
                render: (_value, campaign) => campaign.ownerRegion.name,
              },
              {
                title: t.progress,
                key: 'progress',
                width: 200,
                render: (_value, campaign) => {
                  const { total, submitted, accepted, certified } = campaign.counts;
                  const done = submitted + accepted;
                  return (
                    <Progress
                      size="small"
                      percent={total > 0 ? Math.round((done / total) * 100) : 0}
                      success={{ percent: total > 0 ? Math.round((certified / total) * 100) : 0 }}
                      format={() => t.completion(certified, total)}
                    />
                  );
                },
              },
              {
                title: t.deadline,
                dataIndex: 'deadline',
                key: 'deadline',
                width: 110,
                render: (value: string) => formatDate(value),
              },
              {
                title: t.status,
                dataIndex: 'status',
                key: 'status',
                width: 90,
                render: (_value, campaign) => (
                  <Tag color={campaign.status === 'open' ? 'processing' : 'default'}>
                    {labels.campaignStatus(campaign.status)}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
