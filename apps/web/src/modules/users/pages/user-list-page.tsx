import { PlusOutlined } from '@ant-design/icons';
import { ROLES, type Role } from '@shangmi/shared';
import { App, Button, Card, Col, Empty, Input, Popconfirm, Row, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import type { User, UserStatus } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useDomainLabels } from '../../../i18n/labels';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { ResetPasswordModal } from '../components/reset-password-modal';
import { UserFormModal, type UserFormMode } from '../components/user-form-modal';
import { useUpdateUser, useUserList } from '../hooks/use-users';
import { useUserMessages } from '../messages';

const STATUSES: readonly UserStatus[] = ['active', 'disabled'];

export function UserListPage() {
  const t = useUserMessages();
  const common = useCommonMessages();
  const labels = useDomainLabels();
  const { can, user: me } = useAuth();
  const { message } = App.useApp();
  const url = useUrlState();
  const q = url.get('q');
  const role = ROLES.find((candidate) => candidate === url.get('role'));
  const status = STATUSES.find((candidate) => candidate === url.get('status'));
  const list = useUserList({ q, role, status, page: url.page, pageSize: url.pageSize });
  const update = useUpdateUser();
  const [formMode, setFormMode] = useState<UserFormMode | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const canWrite = can('user:write');

  const toggleStatus = async (user: User) => {
    const next: UserStatus = user.status === 'active' ? 'disabled' : 'active';
    try {
      await update.mutateAsync({ id: user.id, patch: { status: next } });
      void message.success(next === 'active' ? t.enabled : t.disabled);
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    }
  };

  return (
    <>
      <PageHeader
        title={t.listTitle}
        subtitle={t.listSubtitle}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormMode({ kind: 'create' })}>
              {t.newUser}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={10}>
            <Input.Search
              key={q ?? ''}
              defaultValue={q}
              placeholder={t.searchPlaceholder}
              aria-label={t.searchPlaceholder}
              allowClear
              enterButton={common.search}
              onSearch={(value) => url.set({ q: value.trim() })}
            />
          </Col>
          <Col xs={12} md={6}>
            <Select<Role>
              aria-label={t.roles}
              value={role}
              placeholder={t.anyRole}
              allowClear
              options={ROLES.map((value) => ({ value, label: labels.role(value) }))}
              onChange={(value) => url.set({ role: value })}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select<UserStatus>
              aria-label={t.status}
              value={status}
              placeholder={t.anyStatus}
              allowClear
              options={STATUSES.map((value) => ({ value, label: labels.accountStatus(value) }))}
              onChange={(value) => url.set({ status: value })}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={24} md={4}>
            <Button block onClick={url.clear}>
              {common.reset}
            </Button>
          </Col>
        </Row>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<User>
            rowKey="id"
            data-testid="user-table"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            size="middle"
            scroll={{ x: 1400 }}
            locale={{ emptyText: <Empty description={t.empty} /> }}
            pagination={{
              current: list.data?.page ?? url.page,
              pageSize: list.data?.pageSize ?? url.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => common.total(total),
              onChange: (page, pageSize) => url.set({ page, pageSize }),
            }}
            columns={[
              { title: t.username, dataIndex: 'username', key: 'username', width: 150 },
              { title: t.displayName, dataIndex: 'displayName', key: 'displayName', width: 160 },
              {
                title: t.roles,
                dataIndex: 'roles',
                key: 'roles',
                width: 240,
                render: (roles: Role[]) =>
                  roles.map((value) => (
                    <Tag key={value} color="blue" variant="filled" style={{ whiteSpace: 'normal', marginBottom: 2 }}>
                      {labels.role(value)}
                    </Tag>
                  )),
              },
              {
                title: t.organization,
                key: 'organization',
                width: 220,
                render: (_value, user) => user.organization?.name ?? '—',
              },
              { title: t.region, key: 'region', width: 150, render: (_value, user) => user.region?.name ?? '—' },
              {
                title: t.status,
                dataIndex: 'status',
                key: 'status',
                width: 90,
                render: (value: UserStatus) => (
                  <Tag color={value === 'active' ? 'green' : 'default'}>{labels.accountStatus(value)}</Tag>
                ),
              },
              {
                title: t.lastLoginAt,
                dataIndex: 'lastLoginAt',
                key: 'lastLoginAt',
                width: 160,
                render: (value: string | null) => (value ? formatDateTime(value) : t.never),
              },
              ...(canWrite
                ? [
                    {
                      title: common.actions,
                      key: 'actions',
                      fixed: 'right' as const,
                      width: 210,
                      render: (_value: unknown, user: User) => (
                        <span style={{ whiteSpace: 'nowrap' }}>
                          <Button type="link" size="small" onClick={() => setFormMode({ kind: 'edit', user })}>
                            {common.edit}
                          </Button>
                          <Button type="link" size="small" onClick={() => setResetting(user)}>
                            {t.resetPassword}
                          </Button>
                          {user.id === me?.id ? null : (
                            <Popconfirm
                              title={
                                user.status === 'active'
                                  ? t.confirmDisable(user.displayName)
                                  : t.confirmEnable(user.displayName)
                              }
                              okText={common.confirm}
                              cancelText={common.cancel}
                              onConfirm={() => toggleStatus(user)}
                            >
                              <Button type="link" size="small" danger={user.status === 'active'}>
                                {user.status === 'active' ? t.disable : t.enable}
                              </Button>
                            </Popconfirm>
                          )}
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <UserFormModal mode={formMode} onClose={() => setFormMode(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
