import { LIMITS, type Role } from '@shangmi/shared';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useCurrentUser } from '../../../app/auth';
import { isApiError } from '../../../api/client';
import type { User } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useDomainLabels } from '../../../i18n/labels';
import { errorMessage } from '../../../ui/error-result';
import { applyProblemToForm } from '../../../ui/form-errors';
import { assignableRoles, useCreateUser, useUpdateUser } from '../hooks/use-users';
import { useUserMessages } from '../messages';
import { OrganizationSelect } from './organization-select';

interface UserFormValues {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  organizationId: string;
}

const FIELDS = ['username', 'displayName', 'password', 'roles', 'organizationId'] as const;
const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,50}$/;

export type UserFormMode = { kind: 'create' } | { kind: 'edit'; user: User };

export interface UserFormModalProps {
  mode: UserFormMode | null;
  onClose: () => void;
}

/** Create and edit in one modal: on edit only name and roles change (username and organisation are fixed). */
export function UserFormModal({ mode, onClose }: UserFormModalProps) {
  const t = useUserMessages();
  const common = useCommonMessages();
  const labels = useDomainLabels();
  const manager = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [failure, setFailure] = useState<string[]>([]);
  const editing = mode?.kind === 'edit' ? mode.user : null;

  useEffect(() => {
    if (!mode) {
      return;
    }
    setFailure([]);
    form.resetFields();
    if (mode.kind === 'edit') {
      form.setFieldsValue({
        username: mode.user.username,
        displayName: mode.user.displayName,
        roles: mode.user.roles,
        organizationId: mode.user.organization?.id,
      });
    } else {
      form.setFieldsValue({ roles: [], organizationId: manager.enterpriseId ? manager.organization?.id : undefined });
    }
  }, [mode, form, manager]);

  // Roles the manager cannot grant stay visible on an existing user, but cannot be added.
  const grantable = assignableRoles(manager.roles);
  const roleOptions = [...new Set<Role>([...grantable, ...(editing?.roles ?? [])])].map((role) => ({
    value: role,
    label: labels.role(role),
    disabled: !grantable.includes(role),
  }));

  const submit = async () => {
    const values = await form.validateFields();
    setFailure([]);
    try {
      if (editing) {
        await update.mutateAsync({
          id: editing.id,
          patch: { displayName: values.displayName.trim(), roles: values.roles },
        });
        void message.success(common.saved);
      } else {
        await create.mutateAsync({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          roles: values.roles,
          organizationId: values.organizationId,
        });
        void message.success(common.created);
      }
      onClose();
    } catch (error) {
      setFailure([
        t.saveFailed,
        ...(isApiError(error) ? applyProblemToForm(form, error, FIELDS) : [errorMessage(error, common.networkError)]),
      ]);
    }
  };

  return (
    <Modal
      open={mode !== null}
      title={editing ? t.editTitle(editing.displayName) : t.createTitle}
      okText={common.save}
      cancelText={common.cancel}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => {
        submit().catch(() => undefined);
      }}
      onCancel={onClose}
      width={560}
      forceRender
    >
      {failure.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure[0]}
          description={failure.slice(1).join('；') || undefined}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          label={t.username}
          name="username"
          extra={editing ? undefined : t.usernameHelp}
          rules={[
            { required: true, whitespace: true, message: common.required(t.username) },
            { pattern: USERNAME_PATTERN, message: t.usernameInvalid },
          ]}
        >
          <Input disabled={Boolean(editing)} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t.displayName}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: common.required(t.displayName) }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        {editing ? null : (
          <Form.Item
            label={t.password}
            name="password"
            rules={[
              { required: true, message: common.required(t.password) },
              { min: LIMITS.passwordMin, message: t.passwordTooShort(LIMITS.passwordMin) },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          label={t.roles}
          name="roles"
          rules={[{ required: true, type: 'array', min: 1, message: t.rolesRequired }]}
        >
          <Select<Role[]> mode="multiple" options={roleOptions} />
        </Form.Item>
        <Form.Item
          label={t.organization}
          name="organizationId"
          rules={[{ required: true, message: common.requiredSelect(t.organization) }]}
        >
          <OrganizationSelect
            disabled={Boolean(editing)}
            current={editing?.organization ?? null}
            placeholder={t.organizationSearch}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
