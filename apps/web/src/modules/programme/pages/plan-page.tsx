import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { PROGRESS_KIND_LABELS, PROGRESS_KIND_UNITS, TASK_FORCE_ROLE_LABELS, type ProgressKind } from '@shangmi/shared';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useAuth } from '../../../app/auth';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { PageLoading } from '../../../ui/page-loading';
import { ProgrammePicker } from '../components/programme-picker';
import {
  exportProgramme,
  useActiveProgramme,
  useImportProgramme,
  useProgramme,
  type ProgrammeDocument,
} from '../hooks/use-programme';
import { useProgrammeMessages } from '../messages';

const kindText = (targets: { kind: ProgressKind; target: number }[]) =>
  targets.map((x) => `${PROGRESS_KIND_LABELS[x.kind]}${x.target}${PROGRESS_KIND_UNITS[x.kind]}`).join('、');

/** The plan as data: goals and targets, milestones, key tasks with units, phases, safeguards, task force. */
export function ProgrammePlanPage() {
  const t = useProgrammeMessages();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { programmes, active, isLoading, error, choose } = useActiveProgramme();
  const detail = useProgramme(active?.id);
  const importer = useImportProgramme();

  if (isLoading) {
    return <PageLoading />;
  }
  if (error) {
    return <ErrorResult error={error} />;
  }
  const importButton = can('programme:write') ? (
    <Upload
      accept=".json,application/json"
      showUploadList={false}
      beforeUpload={(file) => {
        void file
          .text()
          .then((text) => importer.mutateAsync(JSON.parse(text) as ProgrammeDocument))
          .then((created) => {
            message.success(t.imported(created.title));
            choose(created.id);
          })
          .catch((e: unknown) => message.error(`${t.importFailed}：${e instanceof Error ? e.message : String(e)}`));
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={importer.isPending}>
        {t.importJson}
      </Button>
    </Upload>
  ) : null;
  if (!active) {
    return (
      <>
        <PageHeader title={t.plan} extra={importButton} />
        <Empty description={t.noProgramme} />
      </>
    );
  }
  const p = detail.data;
  return (
    <>
      <PageHeader
        title={active.title}
        subtitle={`${active.documentNumber} · ${active.issuingBody} · ${active.issuedOn}`}
        extra={
          <Space wrap>
            <ProgrammePicker programmes={programmes} value={active.id} onChange={choose} />
            <Button icon={<DownloadOutlined />} onClick={() => void exportProgramme(active)}>
              {t.exportJson}
            </Button>
            {importButton}
          </Space>
        }
      />
      {detail.isError ? <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {!p ? (
        <PageLoading />
      ) : (
        <Card>
          <Tabs
            items={[
              {
                key: 'goals',
                label: t.goals,
                children: (
                  <>
                    <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
                      <Descriptions.Item label="文号">{p.documentNumber}</Descriptions.Item>
                      <Descriptions.Item label="印发单位">{p.issuingBody}</Descriptions.Item>
                      <Descriptions.Item label="实施期限">{`${p.periodStart} 至 ${p.periodEnd}`}</Descriptions.Item>
                      <Descriptions.Item label="区域">{p.regionName}</Descriptions.Item>
                      <Descriptions.Item label={t.target}>
                        <span data-testid="plan-targets">{kindText(p.targets)}</span>
                      </Descriptions.Item>
                    </Descriptions>
                    <Typography.Title level={5}>{t.guiding}</Typography.Title>
                    <Typography.Paragraph>{p.guidingPrinciples}</Typography.Paragraph>
                    <Typography.Title level={5}>{t.goals}</Typography.Title>
                    <Typography.Paragraph>{p.goals}</Typography.Paragraph>
                    <Typography.Title level={5}>{t.milestones}</Typography.Title>
                    <Table
                      rowKey="due"
                      size="small"
                      pagination={false}
                      data-testid="plan-milestones"
                      dataSource={p.milestones}
                      columns={[
                        { title: '节点', dataIndex: 'title', key: 'title', width: 140 },
                        { title: '日期', dataIndex: 'due', key: 'due', width: 120 },
                        { title: t.target, key: 'targets', render: (_v, m) => kindText(m.targets) },
                      ]}
                    />
                  </>
                ),
              },
              {
                key: 'tasks',
                label: t.tasks,
                children: (
                  <List
                    dataSource={p.tasks}
                    renderItem={(task, index) => (
                      <List.Item key={task.id}>
                        <List.Item.Meta
                          title={`（${'一二三四五六七八九十'[index] ?? index + 1}）${task.title}`}
                          description={
                            <>
                              <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }}>
                                {task.content}
                              </Typography.Paragraph>
                              <Space wrap size={[4, 4]}>
                                {task.units.map((u) => (
                                  <Tag key={u.name} color={u.role === 'lead' ? 'blue' : 'default'}>
                                    {u.role === 'lead' ? `${t.lead}：` : ''}
                                    {u.name}
                                  </Tag>
                                ))}
                              </Space>
                            </>
                          }
                        />
                      </List.Item>
                    )}
                  />
                ),
              },
              {
                key: 'phases',
                label: t.phases,
                children: (
                  <Timeline
                    items={p.phases.map((phase) => ({
                      children: (
                        <>
                          <Typography.Text strong>
                            {phase.title}（{phase.startOn} 至 {phase.endOn}）
                          </Typography.Text>
                          <Typography.Paragraph>{phase.content}</Typography.Paragraph>
                          <Typography.Text type="secondary">{t.deliverables}：</Typography.Text>
                          <ul>
                            {phase.deliverables.map((d) => (
                              <li key={d}>{d}</li>
                            ))}
                          </ul>
                        </>
                      ),
                    }))}
                  />
                ),
              },
              {
                key: 'safeguards',
                label: t.safeguards,
                children: p.safeguards.map((s) => (
                  <div key={s.title}>
                    <Typography.Title level={5}>{s.title}</Typography.Title>
                    <Typography.Paragraph>{s.content}</Typography.Paragraph>
                  </div>
                )),
              },
              {
                key: 'taskForce',
                label: t.taskForce,
                children: (
                  <>
                    <Table
                      rowKey={(m) => `${m.role}-${m.name}`}
                      size="small"
                      pagination={false}
                      data-testid="task-force"
                      dataSource={p.taskForce.members}
                      columns={[
                        { title: t.role, key: 'role', width: 110, render: (_v, m) => TASK_FORCE_ROLE_LABELS[m.role] },
                        { title: t.name, dataIndex: 'name', key: 'name', width: 100 },
                        { title: t.organization, dataIndex: 'organization', key: 'organization' },
                        { title: t.post, dataIndex: 'post', key: 'post' },
                      ]}
                    />
                    <Descriptions column={2} size="small" style={{ marginTop: 16 }} bordered>
                      <Descriptions.Item label={t.office}>{p.taskForce.office.organization}</Descriptions.Item>
                      <Descriptions.Item label={t.director}>{p.taskForce.office.director}</Descriptions.Item>
                    </Descriptions>
                  </>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
