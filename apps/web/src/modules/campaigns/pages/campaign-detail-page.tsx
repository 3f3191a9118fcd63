import { BellOutlined, StopOutlined } from '@ant-design/icons';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '@shangmi/shared';
import { App, Button, Card, Col, Descriptions, Flex, Input, Row, Select, Skeleton, Space, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import type { CampaignDetail } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useConformanceLabels } from '../../../i18n/conformance-labels';
import { useDomainLabels } from '../../../i18n/labels';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { formatDate, formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { AssessmentTable } from '../../assessments';
import { useIndustries } from '../../enterprises';
import { RegionTreeSelect, useRegionNames } from '../../regions';
import { RegionProgressChart, RegionProgressTable } from '../components/region-progress';
import { useCampaign, useCampaignAssessments, useCloseCampaign, useRemindCampaign } from '../hooks/use-campaigns';
import { useCampaignMessages } from '../messages';

interface CampaignFactsProps {
  campaign: CampaignDetail;
}

function CampaignFacts({ campaign }: CampaignFactsProps) {
  const t = useCampaignMessages();
  const labels = useDomainLabels();
  const regionNames = useRegionNames();
  const industries = useIndustries();
  const industryName = (code: string) => industries.data?.items.find((item) => item.code === code)?.name ?? code;
  const list = (values: string[]) => (values.length > 0 ? values : null);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      items={[
        { key: 'standard', label: t.standard, children: campaign.standardVersionLabel },
        { key: 'owner', label: t.owner, children: campaign.ownerRegion.name },
        { key: 'deadline', label: t.deadline, children: formatDate(campaign.deadline) },
        {
          key: 'regions',
          label: t.regions,
          children: list(campaign.criteria.regionIds.map((id) => regionNames.get(id) ?? id))?.join('、') ?? t.allScope,
        },
        {
          key: 'industries',
          label: t.industries,
          children: list(campaign.criteria.industries.map(industryName))?.join('、') ?? t.allScope,
        },
        {
          key: 'honours',
          label: t.honours,
          children: list(campaign.criteria.honours.map((honour) => labels.honour(honour)))?.join('、') ?? t.allScope,
        },
        { key: 'total', label: t.total, children: campaign.counts.total },
        { key: 'created', label: t.createdAt, children: formatDateTime(campaign.createdAt) },
      ]}
    />
  );
}

export function CampaignDetailPage() {
  const { id = '' } = useParams();
  const t = useCampaignMessages();
  const common = useCommonMessages();
  const labels = useConformanceLabels();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const url = useUrlState();
  const campaign = useCampaign(id);
  const remind = useRemindCampaign(id);
  const close = useCloseCampaign(id);
  const filters = {
    status: ASSESSMENT_STATUSES.find((status) => status === url.get('status')),
    regionId: url.get('regionId'),
    q: url.get('q'),
  };
  const assessments = useCampaignAssessments(id, { ...filters, page: url.page, pageSize: url.pageSize });

  if (campaign.isPending) {
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }
  if (campaign.isError) {
    return <ErrorResult error={campaign.error} onRetry={() => void campaign.refetch()} />;
  }
  const data = campaign.data;
  const manageable = can('campaign:write') && data.manageable && data.status === 'open';

  return (
    <>
      <PageHeader
        title={
          <Space>
            {data.name}
            <Tag color={data.status === 'open' ? 'processing' : 'default'}>{labels.campaignStatus(data.status)}</Tag>
          </Space>
        }
        crumbs={[{ title: t.listTitle, to: '/campaigns' }, { title: data.name }]}
        extra={
          manageable ? (
            <>
              <Button
                icon={<StopOutlined />}
                onClick={() =>
                  modal.confirm({
                    title: t.close,
                    content: t.closeConfirm,
                    okText: t.close,
                    cancelText: common.cancel,
                    onOk: async () => {
                      try {
                        await close.mutateAsync();
                        void message.success(t.closed);
                      } catch (error) {
                        void message.error(errorMessage(error, common.networkError));
                      }
                    },
                  })
                }
              >
                {t.close}
              </Button>
              <Button
                type="primary"
                icon={<BellOutlined />}
                loading={remind.isPending}
                onClick={() =>
                  modal.confirm({
                    title: t.remind,
                    content: t.remindConfirm,
                    okText: t.remind,
                    cancelText: common.cancel,
                    onOk: async () => {
                      try {
                        const result = await remind.mutateAsync();
                        void message.success(t.reminded(result.sent));
                      } catch (error) {
                        void message.error(errorMessage(error, common.networkError));
                      }
                    },
                  })
                }
              >
                {t.remind}
              </Button>
            </>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <CampaignFacts campaign={data} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={13} style={{ marginBottom: 16 }}>
          <Card title={t.byRegion} style={{ height: '100%' }}>
            <RegionProgressTable rows={data.byRegion} onRegion={(regionId) => url.set({ regionId })} />
          </Card>
        </Col>
        <Col xs={24} xl={11} style={{ marginBottom: 16 }}>
          <Card title={t.chart} style={{ height: '100%' }}>
            <RegionProgressChart rows={data.byRegion} />
          </Card>
        </Col>
      </Row>
      <Card
        title={t.assessments}
        extra={
          <Flex gap={8} wrap>
            <Input.Search
              key={filters.q ?? ''}
              defaultValue={filters.q}
              allowClear
              placeholder={t.enterpriseSearch}
              aria-label={t.enterpriseSearch}
              onSearch={(value) => url.set({ q: value.trim() || undefined })}
              style={{ width: 200 }}
            />
            <RegionTreeSelect
              aria-label={t.region}
              placeholder={t.anyRegion}
              value={filters.regionId}
              onChange={(regionId) => url.set({ regionId })}
              style={{ width: 160 }}
            />
            <Select<AssessmentStatus>
              aria-label={t.status}
              placeholder={t.anyStatus}
              allowClear
              value={filters.status}
              onChange={(status) => url.set({ status })}
              options={ASSESSMENT_STATUSES.map((value) => ({ value, label: labels.assessmentStatus(value) }))}
              style={{ width: 130 }}
            />
          </Flex>
        }
      >
        {assessments.isError ? (
          <ErrorResult error={assessments.error} onRetry={() => void assessments.refetch()} />
        ) : (
          <AssessmentTable
            data={assessments.data}
            loading={assessments.isFetching}
            mode={can('assessment:review') ? 'reviewer' : 'overview'}
            emptyText={t.emptyFiltered}
            showStandard={false}
            onPage={(page, pageSize) => url.set({ page, pageSize })}
          />
        )}
      </Card>
    </>
  );
}
