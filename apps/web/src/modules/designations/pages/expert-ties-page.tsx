import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Modal, Popconfirm, Select, Spin, Table } from 'antd';
import { useDeferredValue, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import {
  useDeclareTie,
  useExpertTies,
  useRemoveTie,
  type ExpertTie,
  type ExpertTieInput,
} from '../hooks/use-designations';
import { useDesignationMessages } from '../messages';

/** Searches every organisation an expert may declare a tie with, enterprises included (names only). */
function OrganizationPicker({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const t = useDesignationMessages();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim()) || undefined;
  const list = useQuery({
    queryKey: ['expert-ties', 'organizations', q],
    queryFn: () => unwrap(api.GET('/api/expert-ties/organizations', { params: { query: { q } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<string>
      id={id}
      aria-label={t.tieOrganization}
      placeholder={t.searchSubject}
      value={value}
      showSearch={{ onSearch: setSearch, filterOption: false }}
      notFoundContent={list.isFetching ? <Spin size="small" /> : undefined}
      options={(list.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.regionName}）` }))}
      onChange={(next) => onChange?.(next)}
      style={{ width: '100%' }}
    />
  );
}

function DeclareModal({ onClose }: { onClose: () => void }) {
  const t = useDesignationMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const declare = useDeclareTie();
  const [form] = Form.useForm<ExpertTieInput>();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await declare.mutateAsync({ organizationId: values.organizationId, note: values.note.trim() });
      void message.success(t.tieDeclared);
      onClose();
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    }
  };
  return (
    <Modal
      open
      title={t.declareTie}
      okText={common.confirm}
      cancelText={common.cancel}
      confirmLoading={declare.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="organizationId"
          label={t.tieOrganization}
          rules={[{ required: true, message: common.requiredSelect(t.tieOrganization) }]}
        >
          <OrganizationPicker />
        </Form.Item>
        <Form.Item
          name="note"
          label={t.tieNote}
          rules={[{ required: true, whitespace: true, min: 2, message: common.required(t.tieNote) }]}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder={t.tieNotePlaceholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Experts declare (and withdraw) their own ties; the city sees everyone's. */
export function ExpertTiesPage() {
  const t = useDesignationMessages();
  const common = useCommonMessages();
  const { can, user } = useAuth();
  const { message } = App.useApp();
  const ties = useExpertTies();
  const remove = useRemoveTie();
  const [declaring, setDeclaring] = useState(false);
  const expert = can('designation:score');
  return (
    <>
      <PageHeader
        title={t.tiesTitle}
        subtitle={t.tiesSubtitle}
        extra={
          expert ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring(true)}>
              {t.declareTie}
            </Button>
          ) : null
        }
      />
      <Card>
        {ties.isError ? (
          <ErrorResult error={ties.error} onRetry={() => void ties.refetch()} />
        ) : (
          <Table<ExpertTie>
            rowKey="id"
            loading={ties.isFetching}
            dataSource={ties.data?.items ?? []}
            data-testid="tie-table"
            locale={{ emptyText: <Empty description={t.emptyTies} /> }}
            pagination={{ pageSize: 20, showTotal: (total) => common.total(total) }}
            columns={[
              { title: t.expertName, dataIndex: 'expertName', key: 'expert', width: 180 },
              { title: t.tieOrganization, dataIndex: 'organizationName', key: 'org' },
              { title: t.tieNote, dataIndex: 'note', key: 'note' },
              {
                title: t.declaredAt,
                dataIndex: 'declaredAt',
                key: 'at',
                width: 160,
                render: (value: string) => formatDateTime(value),
              },
              {
                title: common.actions,
                key: 'actions',
                width: 90,
                render: (_value, tie) =>
                  expert && tie.expertUserId === user?.id ? (
                    <Popconfirm
                      title={t.removeTieConfirm}
                      okText={common.confirm}
                      cancelText={common.cancel}
                      onConfirm={async () => {
                        try {
                          await remove.mutateAsync(tie.id);
                          void message.success(t.tieRemoved);
                        } catch (error) {
                          void message.error(errorMessage(error, common.networkError));
                        }
                      }}
                    >
                      <Button type="link" danger size="small">
                        {t.removeTie}
                      </Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      {declaring ? <DeclareModal onClose={() => setDeclaring(false)} /> : null}
    </>
  );
}
