import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Framework } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useConformanceLabels } from '../../../i18n/conformance-labels';
import { errorMessage } from '../../../ui/error-result';
import { applyProblemToForm } from '../../../ui/form-errors';
import { isApiError } from '../../../api/client';
import { useCreateVersion, useFrameworks } from '../hooks/use-frameworks';
import { useFrameworkMessages } from '../messages';

interface NewVersionValues {
  version: string;
  copyFromVersionId?: string;
  baseVersionId?: string;
}

export interface NewVersionModalProps {
  framework: Framework | null;
  /** Preselects the version to copy from (the page the user is on). */
  copyFromVersionId?: string;
  onClose: () => void;
}

/** Creates a draft version of a framework, usually as a copy of an existing version. */
export function NewVersionModal({ framework, copyFromVersionId, onClose }: NewVersionModalProps) {
  const t = useFrameworkMessages();
  const common = useCommonMessages();
  const labels = useConformanceLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const frameworks = useFrameworks();
  const create = useCreateVersion();
  const [form] = Form.useForm<NewVersionValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const isGuide = framework?.kind === 'guide';
  const standardVersions = (frameworks.data?.items ?? [])
    .filter((candidate) => candidate.kind === 'standard')
    .flatMap((standard) =>
      standard.versions
        .filter((version) => version.status === 'published')
        .map((version) => ({ value: version.id, label: `${standard.name}（${version.version}）` })),
    );
  const latest = framework?.versions.at(-1);

  const submit = async () => {
    if (!framework) {
      return;
    }
    const values = await form.validateFields();
    setFailure(null);
    try {
      const created = await create.mutateAsync({
        frameworkId: framework.id,
        version: values.version.trim(),
        copyFromVersionId: values.copyFromVersionId || undefined,
        baseVersionId: values.baseVersionId || undefined,
      });
      void message.success(t.created);
      onClose();
      await navigate(`/frameworks/versions/${created.id}`);
    } catch (error) {
      if (isApiError(error)) {
        const rest = applyProblemToForm(form, error, ['version', 'copyFromVersionId', 'baseVersionId']);
        setFailure(rest.length > 0 ? rest.join('；') : null);
      } else {
        setFailure(errorMessage(error, common.networkError));
      }
    }
  };

  return (
    <Modal
      open={framework !== null}
      title={framework ? t.newVersionTitle(framework.name) : ''}
      okText={t.newVersion}
      cancelText={common.cancel}
      confirmLoading={create.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => {
        submit().catch(() => undefined);
      }}
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form<NewVersionValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ copyFromVersionId: copyFromVersionId ?? latest?.id ?? '' }}
      >
        <Form.Item
          name="version"
          label={t.version}
          rules={[{ required: true, whitespace: true, message: t.versionRequired }]}
        >
          <Input maxLength={40} placeholder={t.versionPlaceholder} />
        </Form.Item>
        <Form.Item name="copyFromVersionId" label={t.copyFrom} extra={t.copyFromHint}>
          <Select
            options={[
              { value: '', label: t.emptyContent },
              ...(framework?.versions ?? []).map((version) => ({
                value: version.id,
                label: `${version.version}（${labels.versionStatus(version.status)}）`,
              })),
            ]}
          />
        </Form.Item>
        {isGuide ? (
          <Form.Item name="baseVersionId" label={t.baseVersion}>
            <Select allowClear options={standardVersions} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
