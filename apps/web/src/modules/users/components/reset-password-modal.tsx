import { LIMITS } from '@shangmi/shared';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client';
import type { User } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { errorMessage } from '../../../ui/error-result';
import { applyProblemToForm } from '../../../ui/form-errors';
import { useResetPassword } from '../hooks/use-users';
import { useUserMessages } from '../messages';

export interface ResetPasswordModalProps {
  user: User | null;
  onClose: () => void;
}

export function ResetPasswordModal({ user, onClose }: ResetPasswordModalProps) {
  const t = useUserMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const [failure, setFailure] = useState<string[]>([]);

  const submit = async () => {
    if (!user) {
      return;
    }
    const { password } = await form.validateFields();
    setFailure([]);
    try {
      await reset.mutateAsync({ id: user.id, password });
      void message.success(t.passwordReset);
      form.resetFields();
      onClose();
    } catch (error) {
      setFailure(
        isApiError(error) ? applyProblemToForm(form, error, ['password']) : [errorMessage(error, common.networkError)],
      );
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t.resetPasswordTitle(user.displayName) : ''}
      okText={common.save}
      cancelText={common.cancel}
      confirmLoading={reset.isPending}
      onOk={() => {
        submit().catch(() => undefined);
      }}
      onCancel={() => {
        setFailure([]);
        form.resetFields();
        onClose();
      }}
      forceRender
    >
      {failure.length > 0 ? (
        <Alert type="error" showIcon title={failure.join('；')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          label={t.newPassword}
          name="password"
          rules={[
            { required: true, message: common.required(t.newPassword) },
            { min: LIMITS.passwordMin, message: t.passwordTooShort(LIMITS.passwordMin) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
