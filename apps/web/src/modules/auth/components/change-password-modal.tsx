import { LIMITS } from '@shangmi/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, isApiError, unwrap } from '../../../api/client';
import type { ChangePasswordRequest } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { errorMessage } from '../../../ui/error-result';
import { applyProblemToForm } from '../../../ui/form-errors';
import { useAuthMessages } from '../messages';

interface ChangePasswordValues extends ChangePasswordRequest {
  confirmPassword: string;
}

export interface ChangePasswordModalProps {
  open: boolean;
  onClose: () => void;
}

const FIELDS = ['oldPassword', 'newPassword'] as const;

export function ChangePasswordModal({ open, onClose }: ChangePasswordModalProps) {
  const t = useAuthMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [failure, setFailure] = useState<string[]>([]);
  const change = useMutation({
    mutationFn: (body: ChangePasswordRequest) => unwrap(api.POST('/api/auth/password', { body })),
  });

  const submit = async () => {
    const values = await form.validateFields();
    setFailure([]);
    try {
      await change.mutateAsync({ oldPassword: values.oldPassword, newPassword: values.newPassword });
      void message.success(t.passwordChanged);
      form.resetFields();
      onClose();
    } catch (error) {
      if (isApiError(error)) {
        setFailure(applyProblemToForm(form, error, FIELDS));
      } else {
        setFailure([errorMessage(error, common.networkError)]);
      }
    }
  };

  return (
    <Modal
      open={open}
      title={t.changePassword}
      okText={common.save}
      cancelText={common.cancel}
      confirmLoading={change.isPending}
      onOk={() => {
        submit().catch(() => undefined);
      }}
      onCancel={() => {
        setFailure([]);
        onClose();
      }}
      destroyOnHidden
      forceRender
    >
      {failure.length > 0 ? (
        <Alert type="error" showIcon title={failure.join('；')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          label={t.oldPassword}
          name="oldPassword"
          rules={[{ required: true, message: t.oldPasswordRequired }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t.newPassword}
          name="newPassword"
          rules={[
            { required: true, message: t.newPasswordRequired },
            { min: LIMITS.passwordMin, message: t.passwordTooShort(LIMITS.passwordMin) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t.confirmPassword}
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t.newPasswordRequired },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (!value || getFieldValue('newPassword') === value) {
                  return;
                }
                throw new Error(t.passwordMismatch);
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
