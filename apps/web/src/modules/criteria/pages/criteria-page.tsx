import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CRITERIA_KINDS, type CriteriaKind } from '@shangmi/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client';
import type { CriteriaAutoSource, CriteriaGroup, CriteriaItem, CriteriaVersion } from '../../../api/types';
import { useAuth } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import {
  useCreateCriteriaDraft,
  useCriteriaVersions,
  usePublishCriteria,
  useSaveCriteriaDraft,
} from '../hooks/use-criteria';
import { useCriteriaMessages } from '../messages';

function groupScore(group: CriteriaGroup): number {
  return group.items.reduce((sum, item) => sum + (item.maxScore || 0), 0);
}

function totalScore(groups: CriteriaGroup[]): number {
  return groups.reduce((sum, group) => sum + groupScore(group), 0);
}

/** Proposes the next version label: 2024.1 → 2024.2. */
function nextVersion(version: string | undefined): string {
  const match = /^(\d+)\.(\d+)$/.exec(version ?? '');
  return match ? `${match[1]}.${Number(match[2]) + 1}` : `${new Date().getFullYear()}.1`;
}

interface GroupTableProps {
  group: CriteriaGroup;
  editable: boolean;
  onChange: (group: CriteriaGroup) => void;
}

function GroupTable({ group, editable, onChange }: GroupTableProps) {
  const t = useCriteriaMessages();
  const setItem = (index: number, patch: Partial<CriteriaItem>) =>
    onChange({
      ...group,
      items: group.items.map((item, position) => (position === index ? { ...item, ...patch } : item)),
    });
  return (
    <Table<CriteriaItem>
      rowKey={(item) => item.code}
      size="small"
      pagination={false}
      dataSource={group.items}
      columns={[
        { title: t.code, dataIndex: 'code', key: 'code', width: 80 },
        {
          title: t.item,
          dataIndex: 'text',
          key: 'text',
          render: (text: string, _item, index) =>
            editable ? (
              <Input.TextArea
                aria-label={`${t.item} ${group.code}-${index + 1}`}
                autoSize
                value={text}
                onChange={(event) => setItem(index, { text: event.target.value })}
              />
            ) : (
              text
            ),
        },
        {
          title: t.maxScore,
          dataIndex: 'maxScore',
          key: 'maxScore',
          width: 100,
          align: 'right',
          render: (score: number, _item, index) =>
            editable ? (
              <InputNumber<number>
                aria-label={`${t.maxScore} ${group.code}-${index + 1}`}
                min={0}
                max={100}
                value={score}
                onChange={(value) => setItem(index, { maxScore: value ?? 0 })}
                style={{ width: 80 }}
              />
            ) : (
              score
            ),
        },
        {
          title: t.guidance,
          dataIndex: 'guidance',
          key: 'guidance',
          render: (guidance: string, _item, index) =>
            editable ? (
              <Input.TextArea
                autoSize
                value={guidance}
                onChange={(event) => setItem(index, { guidance: event.target.value })}
              />
            ) : (
              <Typography.Text type="secondary">{guidance}</Typography.Text>
            ),
        },
        {
          title: t.autoSource,
          dataIndex: 'autoSource',
          key: 'autoSource',
          width: 110,
          render: (source: CriteriaAutoSource | null) =>
            source ? <Tag color="cyan">{t.autoSources[source]}</Tag> : null,
        },
        ...(editable
          ? [
              {
                title: '',
                key: 'remove',
                width: 50,
                render: (_value: unknown, _item: CriteriaItem, index: number) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t.removeItem}
                    onClick={() =>
                      onChange({ ...group, items: group.items.filter((_, position) => position !== index) })
                    }
                  />
                ),
              },
            ]
          : []),
      ]}
      footer={
        editable
          ? () => (
              <Button
                size="small"
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  onChange({
                    ...group,
                    items: [
                      ...group.items,
                      {
                        code: `${group.code}.${group.items.length + 1}`,
                        text: '',
                        maxScore: 0,
                        guidance: '',
                        autoSource: null,
                      },
                    ],
                  })
                }
              >
                {t.addItem}
              </Button>
            )
          : undefined
      }
    />
  );
}

interface CriteriaVersionViewProps {
  version: CriteriaVersion;
  canWrite: boolean;
  latestVersion: string | undefined;
}

function CriteriaVersionView({ version, canWrite, latestVersion }: CriteriaVersionViewProps) {
  const t = useCriteriaMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const [groups, setGroups] = useState<CriteriaGroup[]>(version.groups);
  const [dirty, setDirty] = useState(false);
  const [draftOpen, setDraftOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [draftForm] = Form.useForm<{ version: string }>();
  const save = useSaveCriteriaDraft();
  const publish = usePublishCriteria();
  const create = useCreateCriteriaDraft();
  const editable = canWrite && version.status === 'draft';
  const total = totalScore(groups);

  const update = (index: number, group: CriteriaGroup) => {
    setGroups((previous) => previous.map((current, position) => (position === index ? group : current)));
    setDirty(true);
  };
  const run = async (action: () => Promise<unknown>, success: string) => {
    setFailure(null);
    try {
      await action();
      setDirty(false);
      void message.success(success);
    } catch (error) {
      const fields = isApiError(error) ? error.errors.map((problem) => problem.message) : [];
      setFailure([errorMessage(error, common.networkError), ...fields].join('；'));
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8}>
          <Typography.Text strong data-testid="criteria-total">
            {t.total(total)}
          </Typography.Text>
          {version.publishedAt ? (
            <Typography.Text type="secondary">
              {t.publishedAt}：{formatDate(version.publishedAt)}
            </Typography.Text>
          ) : null}
        </Flex>
        {canWrite ? (
          <Flex gap={8}>
            {editable ? (
              <>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => {
                    setGroups((previous) => [
                      ...previous,
                      { code: String(previous.length + 1), title: t.newGroupTitle, items: [] },
                    ]);
                    setDirty(true);
                  }}
                >
                  {t.addGroup}
                </Button>
                <Button
                  type="primary"
                  disabled={!dirty}
                  loading={save.isPending}
                  onClick={() => void run(() => save.mutateAsync({ id: version.id, groups }), common.saved)}
                >
                  {t.saveDraft}
                </Button>
                <Popconfirm
                  title={t.publishConfirm(version.version)}
                  onConfirm={() =>
                    run(async () => {
                      if (dirty) {
                        await save.mutateAsync({ id: version.id, groups });
                      }
                      await publish.mutateAsync(version.id);
                    }, t.publishedMessage)
                  }
                >
                  <Button loading={publish.isPending}>{t.publish}</Button>
                </Popconfirm>
              </>
            ) : (
              <Button
                onClick={() => {
                  draftForm.setFieldsValue({ version: nextVersion(latestVersion) });
                  setDraftOpen(true);
                }}
              >
                {t.newDraft}
              </Button>
            )}
          </Flex>
        ) : null}
      </Flex>
      {editable ? <Alert type="info" showIcon title={t.draftHint} style={{ marginBottom: 12 }} /> : null}
      {failure ? <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 12 }} /> : null}
      {groups.length === 0 ? (
        <Empty description={t.empty} />
      ) : (
        <Flex vertical gap={12}>
          {groups.map((group, index) => (
            <Card
              key={`${group.code}-${index}`}
              size="small"
              title={
                editable ? (
                  <Input
                    aria-label={`${t.group} ${group.code}`}
                    value={group.title}
                    onChange={(event) => update(index, { ...group, title: event.target.value })}
                    style={{ maxWidth: 360 }}
                  />
                ) : (
                  `${group.code}. ${group.title}`
                )
              }
              extra={<Typography.Text type="secondary">{t.groupTotal(groupScore(group))}</Typography.Text>}
              data-testid="criteria-group"
            >
              <GroupTable group={group} editable={editable} onChange={(next) => update(index, next)} />
            </Card>
          ))}
        </Flex>
      )}
      <Modal
        open={draftOpen}
        title={t.newDraftTitle}
        okText={common.create}
        confirmLoading={create.isPending}
        onCancel={() => setDraftOpen(false)}
        onOk={() =>
          void draftForm.validateFields().then(({ version: label }) =>
            run(async () => {
              await create.mutateAsync({
                kind: version.kind,
                version: label.trim(),
                copyFromId: version.id,
              });
              setDraftOpen(false);
            }, common.created),
          )
        }
      >
        <Form form={draftForm} layout="vertical">
          <Form.Item
            label={t.newVersion}
            name="version"
            rules={[{ required: true, whitespace: true, message: t.versionRequired }]}
          >
            <Input maxLength={20} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface KindPanelProps {
  kind: CriteriaKind;
}

function KindPanel({ kind }: KindPanelProps) {
  const t = useCriteriaMessages();
  const { can } = useAuth();
  const versions = useCriteriaVersions(kind);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  if (versions.isPending) {
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }
  if (versions.isError) {
    return <ErrorResult error={versions.error} onRetry={() => void versions.refetch()} />;
  }
  const items = versions.data.items;
  if (items.length === 0) {
    return <Empty description={t.empty} />;
  }
  // A draft, when there is one, is what an editor wants to see first; otherwise the newest published.
  const fallback = items.find((item) => item.status === 'draft') ?? items.find((item) => item.status === 'published');
  const selected = items.find((item) => item.id === selectedId) ?? fallback ?? items[0];
  if (!selected) {
    return <Empty description={t.empty} />;
  }
  const latest = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return (
    <>
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text>{t.version}</Typography.Text>
        <Select<string>
          aria-label={t.version}
          value={selected.id}
          onChange={setSelectedId}
          style={{ minWidth: 200 }}
          options={items.map((item) => ({
            value: item.id,
            label: `${item.version}（${item.status === 'draft' ? t.draft : t.published}）`,
          }))}
        />
        <Tag color={selected.status === 'draft' ? 'gold' : 'green'}>
          {selected.status === 'draft' ? t.draft : t.published}
        </Tag>
      </Flex>
      <CriteriaVersionView
        key={`${selected.id}-${selected.status}`}
        version={selected}
        canWrite={can('criteria:write')}
        latestVersion={latest?.version}
      />
    </>
  );
}

export function CriteriaPage() {
  const t = useCriteriaMessages();
  const url = useUrlState();
  const kind = CRITERIA_KINDS.find((value) => value === url.get('kind')) ?? 'base';
  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <Card>
        <Tabs
          activeKey={kind}
          onChange={(next) => url.set({ kind: next })}
          items={CRITERIA_KINDS.map((value) => ({
            key: value,
            label: t.kind[value],
            children: <KindPanel kind={value} />,
          }))}
          destroyOnHidden
        />
      </Card>
    </>
  );
}
