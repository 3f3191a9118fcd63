import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Form, Input, Modal, Table, Upload, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import type { Framework, ProblemFieldError } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { errorMessage } from '../../../ui/error-result';
import { useImportVersion } from '../hooks/use-frameworks';
import { useFrameworkMessages } from '../messages';

export interface ImportModalProps {
  framework: Framework | null;
  onClose: () => void;
}

const ACCEPT = '.json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Imports a JSON or Excel file as a new draft version; the server's row/field errors are listed. */
export function ImportModal({ framework, onClose }: ImportModalProps) {
  const t = useFrameworkMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const importVersion = useImportVersion();
  const [form] = Form.useForm<{ version: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ detail: string; errors: ProblemFieldError[] } | null>(null);

  const close = () => {
    setFile(null);
    setFailure(null);
    setFileError(null);
    onClose();
  };

  const submit = async () => {
    if (!framework) {
      return;
    }
    const { version } = await form.validateFields();
    if (!file) {
      setFileError(t.importOnly);
      return;
    }
    setFailure(null);
    try {
      const created = await importVersion.mutateAsync({ frameworkId: framework.id, file, version: version.trim() });
      void message.success(t.imported);
      close();
      await navigate(`/frameworks/versions/${created.id}`);
    } catch (error) {
      setFailure({
        detail: errorMessage(error, common.networkError),
        errors: isApiError(error) ? error.errors : [],
      });
    }
  };

  return (
    <Modal
      open={framework !== null}
      width={720}
      title={framework ? t.importTitle(framework.name) : ''}
      okText={t.import}
      cancelText={common.cancel}
      confirmLoading={importVersion.isPending}
      destroyOnHidden
      onCancel={close}
      onOk={() => {
        submit().catch(() => undefined);
      }}
    >
      <Typography.Paragraph type="secondary">{t.importHint}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="version"
          label={t.version}
          rules={[{ required: true, whitespace: true, message: t.versionRequired }]}
        >
          <Input maxLength={40} placeholder={t.versionPlaceholder} />
        </Form.Item>
        <Form.Item label={t.importFile} validateStatus={fileError ? 'error' : undefined} help={fileError}>
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            onRemove={() => setFile(null)}
            beforeUpload={(chosen) => {
              const name = chosen.name.toLowerCase();
              if (!name.endsWith('.json') && !name.endsWith('.xlsx')) {
                setFileError(t.importOnly);
              } else {
                setFileError(null);
                setFile(chosen);
              }
              return Upload.LIST_IGNORE;
            }}
            data-testid="framework-import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t.importChoose}</p>
            <p className="ant-upload-hint">.json / .xlsx</p>
          </Upload.Dragger>
        </Form.Item>
      </Form>
      {failure ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t.importFailed}
          description={
            failure.errors.length > 0 ? (
              <Table<ProblemFieldError>
                size="small"
                rowKey={(row) => `${row.field}:${row.message}`}
                dataSource={failure.errors}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: t.errorWhere, dataIndex: 'field', key: 'field', width: 180 },
                  { title: t.errorMessage, dataIndex: 'message', key: 'message' },
                ]}
                data-testid="framework-import-errors"
              />
            ) : (
              failure.detail
            )
          }
        />
      ) : null}
    </Modal>
  );
}
