import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useCommonMessages } from '../i18n/common';
import { errorMessage } from './error-result';

export interface ReasonModalProps {
  open: boolean;
  title: string;
  label: string;
  placeholder?: string;
  requiredMessage: string;
  okText: string;
  danger?: boolean;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** Asks for the reason of a state change (archive, restore, disable …); the reason goes to the audit log. */
export function ReasonModal({
  open,
  title,
  label,
  placeholder,
  requiredMessage,
  okText,
  danger = false,
  onSubmit,
  onClose,
}: ReasonModalProps) {
  const common = useCommonMessages();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(reason.trim());
      form.resetFields();
      onClose();
    } catch (error) {
      setFailure(errorMessage(error, common.networkError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={common.cancel}
      okButtonProps={{ danger }}
      confirmLoading={busy}
      onOk={() => {
        submit().catch(() => undefined);
      }}
      onCancel={() => {
        setFailure(null);
        onClose();
      }}
      forceRender
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item
          label={label}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: requiredMessage },
            { min: 2, message: requiredMessage },
          ]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
