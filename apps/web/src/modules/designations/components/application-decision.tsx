import { DESIGNATION_RULES } from '@shangmi/shared';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { errorMessage } from '../../../ui/error-result';
import { formatDate, formatDateTime } from '../../../ui/format';
import { useApplicationActions, type Application, type Objection } from '../hooks/use-designations';
import { useDesignationMessages } from '../messages';

interface DecisionValues {
  decision: 'approve' | 'reject';
  date: Dayjs;
  basis: string;
  noticeWorkingDays: number;
}

/** The city's decision with its date and basis; approval opens the public notice. */
export function DecisionCard({ application }: { application: Application }) {
  const t = useDesignationMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const actions = useApplicationActions(application.id);
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch('decision', form);
  const submit = async (values: DecisionValues) => {
    try {
      await actions.decide.mutateAsync({
        decision: values.decision,
        date: values.date.format('YYYY-MM-DD'),
        basis: values.basis.trim(),
        ...(values.decision === 'approve' ? { noticeWorkingDays: values.noticeWorkingDays } : {}),
      });
      void message.success(t.decided);
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    }
  };
  return (
    <Card title={t.decide} style={{ marginBottom: 16 }} data-testid="decision-form">
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        initialValues={{
          decision: 'approve',
          date: dayjs(),
          basis: '',
          noticeWorkingDays: DESIGNATION_RULES.defaultNoticeWorkingDays,
        }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="decision" label={t.decision}>
          <Radio.Group
            options={[
              { value: 'approve', label: t.approve },
              { value: 'reject', label: t.reject },
            ]}
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="date" label={t.decisionDate} rules={[{ required: true }]}>
            <DatePicker
              aria-label={t.decisionDate}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              allowClear={false}
            />
          </Form.Item>
          {decision !== 'reject' ? (
            <Form.Item name="noticeWorkingDays" label={t.noticeWorkingDays} rules={[{ required: true }]}>
              <InputNumber
                aria-label={t.noticeWorkingDays}
                min={1}
                max={DESIGNATION_RULES.maxNoticeWorkingDays}
                precision={0}
              />
            </Form.Item>
          ) : null}
        </Flex>
        <Form.Item
          name="basis"
          label={t.decisionBasis}
          rules={[
            { required: true, whitespace: true, message: common.required(t.decisionBasis) },
            { min: 2, message: common.required(t.decisionBasis) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t.decisionBasisPlaceholder} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={actions.decide.isPending}>
          {t.decide}
        </Button>
      </Form>
    </Card>
  );
}

function AnswerForm({ application, objection }: { application: Application; objection: Objection }) {
  const t = useDesignationMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const actions = useApplicationActions(application.id);
  const [form] = Form.useForm<{ answer: string }>();
  const submit = async ({ answer }: { answer: string }) => {
    try {
      await actions.answer.mutateAsync({ objectionId: objection.id, answer: answer.trim() });
      void message.success(t.answered);
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} style={{ marginTop: 8 }}>
      <Form.Item
        name="answer"
        label={t.answer}
        rules={[{ required: true, whitespace: true, min: 2, message: t.answerRequired }]}
      >
        <Input.TextArea rows={3} maxLength={2000} placeholder={t.answerPlaceholder} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={actions.answer.isPending}>
        {t.sendAnswer}
      </Button>
    </Form>
  );
}

/** The decision on record, the notice period, its objections (answered in writing) and designation. */
export function NoticeCard({ application }: { application: Application }) {
  const t = useDesignationMessages();
  const common = useCommonMessages();
  const { can } = useAuth();
  const { message } = App.useApp();
  const actions = useApplicationActions(application.id);
  const [designating, setDesignating] = useState(false);
  if (application.decision === null) {
    return null;
  }
  const canAnswer = application.actions.includes('answer_objection');
  const canDesignate = application.actions.includes('designate');
  const designate = async () => {
    setDesignating(true);
    try {
      await actions.designate.mutateAsync(undefined);
      void message.success(t.designated);
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    } finally {
      setDesignating(false);
    }
  };
  return (
    <Card title={t.stepDecision + ' · ' + t.stepNotice} style={{ marginBottom: 16 }} data-testid="notice-card">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'decision',
            label: t.decision,
            children:
              application.decision === 'approve' ? (
                <Tag color="green">{t.approved}</Tag>
              ) : (
                <Tag color="red">{t.rejected}</Tag>
              ),
          },
          { key: 'date', label: t.decisionDate, children: formatDate(application.decisionDate) },
          { key: 'basis', label: t.decisionBasis, span: 2, children: application.decisionBasis ?? '—' },
          ...(application.noticeStart
            ? [
                {
                  key: 'notice',
                  label: t.noticePeriod,
                  span: 2,
                  children: (
                    <span data-testid="notice-period">
                      {formatDate(application.noticeStart)} ~ {formatDate(application.noticeEnd)}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {application.decision === 'approve' ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t.objections}
          </Typography.Title>
          {application.objections.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noObjections} />
          ) : (
            <Flex vertical gap={12} data-testid="objections">
              {application.objections.map((objection) => (
                <div
                  key={objection.id}
                  data-testid="objection"
                  style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}
                >
                  <Flex gap={8} wrap align="center">
                    {objection.status === 'open' ? (
                      <Tag color="orange">{t.objectionOpen}</Tag>
                    ) : (
                      <Tag color="green">{t.objectionAnswered}</Tag>
                    )}
                    <Typography.Text type="secondary">
                      {t.lodgedBy}
                      {t.colon}
                      {objection.name} · {t.contact}
                      {t.colon}
                      {objection.contact} · {t.lodgedAt}
                      {t.colon}
                      {formatDateTime(objection.lodgedAt)}
                    </Typography.Text>
                  </Flex>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }}>
                    {objection.text}
                  </Typography.Paragraph>
                  {objection.answer ? (
                    <Alert
                      type="info"
                      title={`${t.answer}（${formatDateTime(objection.answeredAt)}）`}
                      description={<span style={{ whiteSpace: 'pre-wrap' }}>{objection.answer}</span>}
                    />
                  ) : canAnswer ? (
                    <AnswerForm application={application} objection={objection} />
                  ) : null}
                </div>
              ))}
            </Flex>
          )}
        </>
      ) : null}
      {application.status === 'notice' && can('designation:manage') ? (
        <div style={{ marginTop: 16 }}>
          {application.designationBlockedBy ? (
            <Alert
              type="warning"
              showIcon
              title={t.blockedBy}
              description={application.designationBlockedBy}
              style={{ marginBottom: 12 }}
              data-testid="designation-blocked"
            />
          ) : null}
          <Popconfirm
            title={t.designateConfirm}
            okText={common.confirm}
            cancelText={common.cancel}
            onConfirm={() => designate()}
            disabled={!canDesignate}
          >
            <Button type="primary" disabled={!canDesignate} loading={designating}>
              {t.designate}
            </Button>
          </Popconfirm>
        </div>
      ) : null}
      {application.designationId ? (
        <div style={{ marginTop: 16 }}>
          <Link to={`/designations/${application.designationId}`} data-testid="designation-link">
            {t.viewDesignation}
          </Link>
        </div>
      ) : null}
    </Card>
  );
}
