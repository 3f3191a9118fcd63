import { DESIGNATION_KINDS, type DesignationKind } from '@shangmi/shared';
import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useCurrentUser } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { errorMessage } from '../../../ui/error-result';
import { applyProblemToForm } from '../../../ui/form-errors';
import { PageHeader } from '../../../ui/page-header';
import { ownSubject, SubjectPicker } from '../components/subject-picker';
import { useCreateApplication } from '../hooks/use-designations';
import { useDesignationLabels, useDesignationMessages } from '../messages';

interface CreateValues {
  kind: DesignationKind;
  subjectId: string;
  statement: string;
}

/** The kind an applicant most likely applies for. */
function defaultKind(roles: readonly string[]): DesignationKind {
  if (roles.includes('station_staff')) {
    return 'station';
  }
  if (roles.includes('association_staff')) {
    return 'base';
  }
  return 'enterprise';
}

export function ApplicationCreatePage() {
  const t = useDesignationMessages();
  const labels = useDesignationLabels();
  const common = useCommonMessages();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateApplication();
  const [form] = Form.useForm<CreateValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const initialKind = defaultKind(user.roles);
  const kind = Form.useWatch('kind', form) ?? initialKind;
  const own = ownSubject(user, kind);

  const submit = async (values: CreateValues) => {
    setFailure(null);
    try {
      const saved = await create.mutateAsync({
        kind: values.kind,
        subjectId: own?.id ?? values.subjectId,
        statement: (values.statement ?? '').trim(),
      });
      void navigate(`/applications/${saved.id}`);
    } catch (error) {
      if (isApiError(error)) {
        const rest = applyProblemToForm(form, error, ['kind', 'subjectId', 'statement']);
        setFailure(rest.join('；') || null);
      } else {
        setFailure(errorMessage(error, common.networkError));
      }
    }
  };

  return (
    <>
      <PageHeader
        title={t.createTitle}
        subtitle={t.createSubtitle}
        crumbs={[{ title: t.applicationsTitle, to: '/applications' }, { title: t.createTitle }]}
      />
      <Card style={{ maxWidth: 760 }}>
        {failure ? (
          <Alert type="error" showIcon title={t.createFailed} description={failure} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<CreateValues>
          form={form}
          layout="vertical"
          initialValues={{ kind: initialKind, statement: '' }}
          onFinish={(values) => void submit(values)}
          onValuesChange={(changed: Partial<CreateValues>) => {
            if ('kind' in changed) {
              form.setFieldValue('subjectId', undefined);
            }
          }}
        >
          <Form.Item name="kind" label={t.kind} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={DESIGNATION_KINDS.map((value) => ({ value, label: labels.kind[value] }))}
            />
          </Form.Item>
          {own ? (
            <Form.Item label={t.subject}>
              <Typography.Text strong data-testid="own-subject">
                {own.name}
              </Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item name="subjectId" label={t.subject} rules={[{ required: true, message: t.pickSubject }]}>
              <SubjectPicker user={user} kind={kind} />
            </Form.Item>
          )}
          <Form.Item
            name="statement"
            label={t.statement}
            rules={[{ max: 2000, message: common.tooLong(t.statement, 2000) }]}
          >
            <Input.TextArea rows={5} placeholder={t.statementPlaceholder} showCount maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t.create}
          </Button>
        </Form>
      </Card>
    </>
  );
}
