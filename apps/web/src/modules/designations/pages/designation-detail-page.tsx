import { FilePdfOutlined } from '@ant-design/icons';
import { REVIEW_OUTCOMES, type ReviewOutcome } from '@shangmi/shared';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Skeleton,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { formatDate, formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { DesignationStatusTag, KindTag } from '../components/tags';
import {
  downloadDesignationPdf,
  useDesignation,
  useReviewOutcome,
  type DesignationDetail,
  type DesignationReview,
} from '../hooks/use-designations';
import { useDesignationLabels, useDesignationMessages } from '../messages';

interface OutcomeValues {
  outcome: ReviewOutcome;
  note: string;
  rectifyBy?: Dayjs;
  effectiveOn?: Dayjs;
}

function OutcomeModal({
  designation,
  review,
  onClose,
}: {
  designation: DesignationDetail;
  review: DesignationReview;
  onClose: () => void;
}) {
  const t = useDesignationMessages();
  const labels = useDesignationLabels();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const save = useReviewOutcome(designation.id);
  const [form] = Form.useForm<OutcomeValues>();
  const outcome = Form.useWatch('outcome', form);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({
        reviewId: review.id,
        body: {
          outcome: values.outcome,
          note: values.note.trim(),
          ...(values.outcome === 'rectify' && values.rectifyBy
            ? { rectifyBy: values.rectifyBy.format('YYYY-MM-DD') }
            : {}),
          ...(values.outcome === 'revoke' && values.effectiveOn
            ? { effectiveOn: values.effectiveOn.format('YYYY-MM-DD') }
            : {}),
        },
      });
      void message.success(t.outcomeSaved);
      onClose();
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    }
  };
  return (
    <Modal
      open
      title={`${t.recordOutcome}（${review.year}）`}
      okText={common.confirm}
      cancelText={common.cancel}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<OutcomeValues>
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'keep', note: '', effectiveOn: dayjs() }}
      >
        <Form.Item name="outcome" label={t.reviewOutcome}>
          <Radio.Group options={REVIEW_OUTCOMES.map((value) => ({ value, label: labels.reviewOutcome[value] }))} />
        </Form.Item>
        {outcome === 'rectify' ? (
          <Form.Item
            name="rectifyBy"
            label={t.rectifyBy}
            rules={[{ required: true, message: common.requiredSelect(t.rectifyBy) }]}
          >
            <DatePicker disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
          </Form.Item>
        ) : null}
        {outcome === 'revoke' ? (
          <Form.Item
            name="effectiveOn"
            label={t.effectiveOn}
            rules={[{ required: true, message: common.requiredSelect(t.effectiveOn) }]}
          >
            <DatePicker />
          </Form.Item>
        ) : null}
        <Form.Item
          name="note"
          label={t.reviewNote}
          rules={[{ required: true, whitespace: true, min: 2, message: common.required(t.reviewNote) }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DesignationDetailPage() {
  const t = useDesignationMessages();
  const labels = useDesignationLabels();
  const common = useCommonMessages();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const query = useDesignation(id);
  const [deciding, setDeciding] = useState<DesignationReview | null>(null);
  if (query.isError) {
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) {
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }
  const designation = query.data;
  const manage = can('designation:manage');
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span>{designation.subjectName}</span>
            <DesignationStatusTag status={designation.status} />
          </Flex>
        }
        subtitle={designation.number}
        crumbs={[{ title: t.designationsTitle, to: '/designations' }, { title: designation.number }]}
        extra={
          <Button
            icon={<FilePdfOutlined />}
            onClick={() =>
              void downloadDesignationPdf(designation).catch((error: unknown) =>
                message.error(errorMessage(error, common.networkError)),
              )
            }
          >
            {t.downloadPdf}
          </Button>
        }
      />
      <Card title={t.basicInfo} style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'number',
              label: t.number,
              children: <span data-testid="designation-number">{designation.number}</span>,
            },
            { key: 'kind', label: t.kind, children: <KindTag kind={designation.kind} /> },
            { key: 'subject', label: t.subject, children: designation.subjectName },
            { key: 'county', label: t.county, children: designation.countyName },
            { key: 'region', label: t.region, children: designation.regionName },
            { key: 'on', label: t.designatedOn, children: formatDate(designation.designatedOn) },
            { key: 'status', label: t.status, children: labels.designationStatus[designation.status] },
            ...(designation.rectifyBy
              ? [{ key: 'rectify', label: t.rectifyBy, children: formatDate(designation.rectifyBy) }]
              : []),
            ...(designation.revokedOn
              ? [
                  { key: 'revoked', label: t.revokedOn, children: formatDate(designation.revokedOn) },
                  { key: 'reason', label: t.revokeReason, children: designation.revokeReason ?? '—' },
                ]
              : []),
            ...(designation.applicationId
              ? [
                  {
                    key: 'application',
                    label: t.fromApplication,
                    children: <Link to={`/applications/${designation.applicationId}`}>{t.view}</Link>,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t.reviews}>
        <Table<DesignationReview>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={designation.reviews}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noReviews} /> }}
          columns={[
            { title: t.reviewYear, dataIndex: 'year', key: 'year', width: 80 },
            { title: t.dueOn, dataIndex: 'dueOn', key: 'due', width: 120, render: (v: string) => formatDate(v) },
            {
              title: t.reviewStatus,
              dataIndex: 'status',
              key: 'status',
              width: 100,
              render: (status: DesignationReview['status']) =>
                status === 'done' ? (
                  <Tag color="green">{t.reviewDone}</Tag>
                ) : (
                  <Tag color="orange">{t.reviewPending}</Tag>
                ),
            },
            {
              title: t.reviewOutcome,
              dataIndex: 'outcome',
              key: 'outcome',
              width: 160,
              render: (outcome: ReviewOutcome | null, review) =>
                outcome
                  ? `${labels.reviewOutcome[outcome]}${review.rectifyBy ? `（${formatDate(review.rectifyBy)}）` : ''}`
                  : '—',
            },
            { title: t.reviewNote, dataIndex: 'note', key: 'note', render: (v: string | null) => v ?? '—' },
            {
              title: t.decidedAt,
              dataIndex: 'decidedAt',
              key: 'at',
              width: 150,
              render: (v: string | null) => formatDateTime(v),
            },
            ...(manage
              ? [
                  {
                    title: common.actions,
                    key: 'actions',
                    width: 120,
                    render: (_value: unknown, review: DesignationReview) =>
                      (review.status === 'pending' || review.outcome === 'rectify') &&
                      designation.status !== 'revoked' ? (
                        <Button size="small" onClick={() => setDeciding(review)}>
                          {t.recordOutcome}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {deciding ? <OutcomeModal designation={designation} review={deciding} onClose={() => setDeciding(null)} /> : null}
    </>
  );
}
