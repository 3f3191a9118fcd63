import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, Skeleton } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { applyProblemToForm } from '../../../ui/form-errors';
import { formatDate } from '../../../ui/format';
import { PublicFrame } from '../../places/components/public-frame';
import { KindTag } from '../components/tags';
import { useLodgeObjection, usePublicNotices, type ObjectionInput, type PublicNotice } from '../hooks/use-designations';
import { useDesignationMessages } from '../messages';

function ObjectionForm({ notice, onDone }: { notice: PublicNotice; onDone: () => void }) {
  const t = useDesignationMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const lodge = useLodgeObjection();
  const [form] = Form.useForm<ObjectionInput>();
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (values: ObjectionInput) => {
    setFailure(null);
    try {
      await lodge.mutateAsync({
        id: notice.id,
        body: { name: values.name.trim(), contact: values.contact.trim(), text: values.text.trim() },
      });
      void message.success(t.objectionSent);
      onDone();
    } catch (error) {
      if (isApiError(error)) {
        setFailure(applyProblemToForm(form, error, ['name', 'contact', 'text']).join('；') || null);
      } else {
        setFailure(errorMessage(error, common.networkError));
      }
    }
  };
  return (
    <Form<ObjectionInput>
      form={form}
      layout="vertical"
      onFinish={(values) => void submit(values)}
      style={{ marginTop: 12 }}
      data-testid="objection-form"
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Flex gap={12} wrap>
        <Form.Item
          name="name"
          label={t.objectionName}
          rules={[{ required: true, whitespace: true, max: 50, message: t.objectionNameRequired }]}
          style={{ flex: '1 1 200px' }}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="contact"
          label={t.objectionContact}
          rules={[{ required: true, whitespace: true, min: 5, max: 100, message: t.objectionContactRequired }]}
          style={{ flex: '1 1 200px' }}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="text"
        label={t.objectionText}
        rules={[{ required: true, whitespace: true, min: 5, message: t.objectionTextRequired }]}
      >
        <Input.TextArea rows={4} maxLength={2000} placeholder={t.objectionTextPlaceholder} showCount />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={lodge.isPending}>
          {t.send}
        </Button>
        <Button onClick={onDone}>{common.cancel}</Button>
      </Flex>
    </Form>
  );
}

function NoticeEntry({ notice }: { notice: PublicNotice }) {
  const t = useDesignationMessages();
  const [objecting, setObjecting] = useState(false);
  return (
    <Card
      size="small"
      title={notice.subjectName}
      extra={<KindTag kind={notice.kind} />}
      style={{ marginBottom: 16 }}
      data-testid="public-notice"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'number', label: t.number, children: notice.number },
          { key: 'county', label: t.county, children: notice.countyName },
          { key: 'score', label: t.finalScore, children: t.score_(notice.finalScore) },
          { key: 'decision', label: t.decisionDate, children: formatDate(notice.decisionDate) },
          {
            key: 'period',
            label: t.noticePeriod,
            span: 2,
            children: `${formatDate(notice.noticeStart)} ~ ${formatDate(notice.noticeEnd)}`,
          },
        ]}
      />
      {objecting ? (
        <ObjectionForm notice={notice} onDone={() => setObjecting(false)} />
      ) : (
        <Button style={{ marginTop: 8 }} onClick={() => setObjecting(true)}>
          {t.lodgeObjection}
        </Button>
      )}
    </Card>
  );
}

/** What is on public notice now, with an objection form per entry: no login. */
export function PublicNoticesPage() {
  const t = useDesignationMessages();
  const notices = usePublicNotices();
  return (
    <PublicFrame title={t.publicNoticesTitle} subtitle={t.publicNoticesSubtitle}>
      {notices.isError ? (
        <Card>
          <ErrorResult error={notices.error} onRetry={() => void notices.refetch()} />
        </Card>
      ) : notices.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 4 }} />
        </Card>
      ) : notices.data.items.length === 0 ? (
        <Card>
          <Empty description={t.emptyNotices} data-testid="public-empty" />
        </Card>
      ) : (
        notices.data.items.map((notice) => <NoticeEntry key={notice.id} notice={notice} />)
      )}
    </PublicFrame>
  );
}
