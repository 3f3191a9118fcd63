import { PlusOutlined } from '@ant-design/icons';
import type { ReviewOutcome } from '@shangmi/shared';
import { App, Button, Card, Col, Empty, InputNumber, Modal, Row, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { DesignationStatusTag, KindTag } from '../components/tags';
import { useGenerateReviews, useReviewList, type DesignationReview } from '../hooks/use-designations';
import { useDesignationLabels, useDesignationMessages } from '../messages';

function GenerateModal({ onClose }: { onClose: () => void }) {
  const t = useDesignationMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const generate = useGenerateReviews();
  const [year, setYear] = useState<number>(dayjs().year());
  const submit = async () => {
    try {
      const result = await generate.mutateAsync(year);
      void message.success(t.generated(result.year, result.created));
      onClose();
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    }
  };
  return (
    <Modal
      open
      title={t.generateTitle}
      okText={common.confirm}
      cancelText={common.cancel}
      confirmLoading={generate.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t.generateHint}</Typography.Paragraph>
      <InputNumber<number>
        aria-label={t.reviewYear}
        min={2000}
        max={2100}
        precision={0}
        value={year}
        onChange={(value) => setYear(value ?? dayjs().year())}
      />
    </Modal>
  );
}

export function ReviewListPage() {
  const t = useDesignationMessages();
  const labels = useDesignationLabels();
  const common = useCommonMessages();
  const { can } = useAuth();
  const url = useUrlState();
  const yearParam = Number(url.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : undefined;
  const statusParam = url.get('status');
  const status = statusParam === 'pending' || statusParam === 'done' ? statusParam : undefined;
  const list = useReviewList({ year, status, page: url.page, pageSize: url.pageSize });
  const [generating, setGenerating] = useState(false);
  const thisYear = dayjs().year();
  const years = Array.from({ length: 6 }, (_value, index) => thisYear + 1 - index);
  return (
    <>
      <PageHeader
        title={t.reviewsTitle}
        subtitle={t.reviewsSubtitle}
        extra={
          can('designation:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)}>
              {t.generate}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={4}>
            <Select<number>
              aria-label={t.reviewYear}
              placeholder={t.anyYear}
              allowClear
              value={year}
              onChange={(value) => url.set({ year: value })}
              options={years.map((value) => ({ value, label: String(value) }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select<'pending' | 'done'>
              aria-label={t.reviewStatus}
              placeholder={t.anyStatus}
              allowClear
              value={status}
              onChange={(value) => url.set({ status: value })}
              options={[
                { value: 'pending', label: t.reviewPending },
                { value: 'done', label: t.reviewDone },
              ]}
              style={{ width: '100%' }}
            />
          </Col>
        </Row>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<DesignationReview>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            data-testid="review-table"
            scroll={{ x: 1500 }}
            locale={{ emptyText: <Empty description={t.noReviews} /> }}
            pagination={{
              current: list.data?.page ?? 1,
              pageSize: list.data?.pageSize ?? 20,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => common.total(total),
              onChange: (page, pageSize) => url.set({ page, pageSize }),
            }}
            columns={[
              { title: t.reviewYear, dataIndex: 'year', key: 'year', width: 80 },
              {
                title: t.designation,
                dataIndex: 'number',
                key: 'number',
                width: 210,
                render: (number: string, review) => <Link to={`/designations/${review.designationId}`}>{number}</Link>,
              },
              {
                title: t.kind,
                dataIndex: 'kind',
                key: 'kind',
                width: 150,
                render: (kind: DesignationReview['kind']) => <KindTag kind={kind} />,
              },
              { title: t.subject, dataIndex: 'subjectName', key: 'subject', width: 280 },
              { title: t.county, dataIndex: 'countyName', key: 'county', width: 110 },
              {
                title: t.status,
                dataIndex: 'designationStatus',
                key: 'designationStatus',
                width: 100,
                render: (value: DesignationReview['designationStatus']) => <DesignationStatusTag status={value} />,
              },
              { title: t.dueOn, dataIndex: 'dueOn', key: 'due', width: 120, render: (v: string) => formatDate(v) },
              {
                title: t.reviewStatus,
                dataIndex: 'status',
                key: 'status',
                width: 100,
                render: (value: DesignationReview['status']) =>
                  value === 'done' ? (
                    <Tag color="green">{t.reviewDone}</Tag>
                  ) : (
                    <Tag color="orange">{t.reviewPending}</Tag>
                  ),
              },
              {
                title: t.reviewOutcome,
                dataIndex: 'outcome',
                key: 'outcome',
                width: 120,
                render: (value: ReviewOutcome | null) => (value ? labels.reviewOutcome[value] : '—'),
              },
              {
                title: common.actions,
                key: 'actions',
                width: 70,
                fixed: 'right',
                render: (_value, review) => <Link to={`/designations/${review.designationId}`}>{t.view}</Link>,
              },
            ]}
          />
        )}
      </Card>
      {generating ? <GenerateModal onClose={() => setGenerating(false)} /> : null}
    </>
  );
}
