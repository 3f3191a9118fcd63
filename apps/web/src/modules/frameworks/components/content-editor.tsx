import { DeleteOutlined, EditOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { isApiError } from '../../../api/client';
import type { FrameworkContent, Requirement } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { errorMessage } from '../../../ui/error-result';
import { useIndustries } from '../../enterprises';
import { useSaveContent } from '../hooks/use-frameworks';
import { useFrameworkMessages } from '../messages';
import { RequirementTags } from './requirement-tags';

/** One requirement with the chapter and clause it sits in: the editor's row. */
export interface EditorRow extends Requirement {
  chapterCode: string;
  chapterTitle: string;
  clauseCode: string;
  clauseTitle: string;
}

export function toRows(content: FrameworkContent): EditorRow[] {
  return content.chapters.flatMap((chapter) =>
    chapter.clauses.flatMap((clause) =>
      clause.requirements.map((requirement) => ({
        ...requirement,
        chapterCode: chapter.code,
        chapterTitle: chapter.title,
        clauseCode: clause.code,
        clauseTitle: clause.title,
      })),
    ),
  );
}

/** Rebuilds the tree from rows, keeping the order in which chapters and clauses first appear. */
export function toContent(rows: readonly EditorRow[], previous: FrameworkContent): FrameworkContent {
  const chapters: FrameworkContent['chapters'] = [];
  for (const row of rows) {
    let chapter = chapters.find((candidate) => candidate.code === row.chapterCode);
    if (!chapter) {
      chapter = { code: row.chapterCode, title: row.chapterTitle, clauses: [] };
      chapters.push(chapter);
    }
    let clause = chapter.clauses.find((candidate) => candidate.code === row.clauseCode);
    if (!clause) {
      clause = { code: row.clauseCode, title: row.clauseTitle, requirements: [] };
      chapter.clauses.push(clause);
    }
    clause.requirements.push({
      code: row.code,
      text: row.text,
      guidance: row.guidance,
      evidence: row.evidence,
      weight: row.weight,
      mandatory: row.mandatory,
      industries: row.industries,
    });
  }
  return { ...previous, chapters };
}

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

interface RowModalProps {
  open: boolean;
  row: EditorRow | null;
  rows: readonly EditorRow[];
  onClose: () => void;
  onSave: (row: EditorRow) => void;
}

function RowModal({ open, row, rows, onClose, onSave }: RowModalProps) {
  const t = useFrameworkMessages();
  const common = useCommonMessages();
  const industries = useIndustries();
  const [form] = Form.useForm<EditorRow>();
  const chapterOptions = useMemo(
    () =>
      [...new Map(rows.map((r) => [r.chapterCode, r.chapterTitle]))].map(([code, title]) => ({
        value: code,
        label: `${code} ${title}`,
      })),
    [rows],
  );
  const clauseOptions = useMemo(
    () =>
      [...new Map(rows.map((r) => [r.clauseCode, r.clauseTitle]))].map(([code, title]) => ({
        value: code,
        label: `${code} ${title}`,
      })),
    [rows],
  );
  const required = [{ required: true, whitespace: true, message: t.fieldRequired }];

  return (
    <Modal
      open={open}
      width={760}
      title={row ? t.editRequirement : t.addRequirement}
      okText={common.confirm}
      cancelText={common.cancel}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => {
        form
          .validateFields()
          .then((values) => onSave({ ...values, industries: values.industries ?? [] }))
          .catch(() => undefined);
      }}
    >
      <Form<EditorRow>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          row ?? {
            chapterCode: rows.at(-1)?.chapterCode,
            chapterTitle: rows.at(-1)?.chapterTitle,
            clauseCode: rows.at(-1)?.clauseCode,
            clauseTitle: rows.at(-1)?.clauseTitle,
            weight: 1,
            mandatory: false,
            industries: [],
            guidance: '',
            evidence: '',
          }
        }
        onValuesChange={(changed: Partial<EditorRow>) => {
          // Picking an existing chapter or clause code fills in its title.
          if (changed.chapterCode) {
            const existing = rows.find((r) => r.chapterCode === changed.chapterCode);
            if (existing) {
              form.setFieldValue('chapterTitle', existing.chapterTitle);
            }
          }
          if (changed.clauseCode) {
            const existing = rows.find((r) => r.clauseCode === changed.clauseCode);
            if (existing) {
              form.setFieldValue('clauseTitle', existing.clauseTitle);
            }
          }
        }}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="chapterCode" label={t.chapterCode} rules={required}>
              <AutoComplete options={chapterOptions} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="chapterTitle" label={t.chapterTitle} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="clauseCode" label={t.clauseCode} rules={required}>
              <AutoComplete options={clauseOptions} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="clauseTitle" label={t.clauseTitle} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="code"
              label={t.code}
              rules={[
                { required: true, whitespace: true, message: t.codeRequired },
                { pattern: CODE_PATTERN, message: t.codePattern },
                {
                  validator: (_rule, value: string | undefined) =>
                    value && value !== row?.code && rows.some((r) => r.code === value)
                      ? Promise.reject(new Error(t.codeDuplicate))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="weight" label={t.weight} rules={[{ required: true, message: t.fieldRequired }]}>
              <InputNumber min={0} max={100} step={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="mandatory" label={t.mandatoryCount} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="text"
          label={t.requirementText}
          rules={[{ required: true, whitespace: true, message: t.textRequired }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="guidance" label={t.guidance}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="evidence" label={t.evidence}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="industries" label={t.industries} extra={t.allIndustries}>
          <Select
            mode="multiple"
            allowClear
            options={(industries.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export interface ContentEditorProps {
  versionId: string;
  content: FrameworkContent;
}

/** A table editor for a draft version's requirements; the whole content is saved at once. */
export function ContentEditor({ versionId, content }: ContentEditorProps) {
  const t = useFrameworkMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const save = useSaveContent(versionId);
  const [rows, setRows] = useState<EditorRow[]>(() => toRows(content));
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState<{ row: EditorRow | null } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const update = (next: EditorRow[]) => {
    setRows(next);
    setDirty(true);
  };

  const onSave = async () => {
    setProblems([]);
    try {
      const saved = await save.mutateAsync(toContent(rows, content));
      setRows(toRows(saved.content));
      setDirty(false);
      void message.success(t.contentSaved);
    } catch (error) {
      if (isApiError(error) && error.errors.length > 0) {
        setProblems(error.errors.map((item) => (item.field ? `${item.field}：${item.message}` : item.message)));
      } else {
        setProblems([errorMessage(error, common.networkError)]);
      }
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Text type="secondary">
          {t.requirementsTotal(rows.length, rows.filter((r) => r.mandatory).length)}
          {dirty ? (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              {t.unsavedChanges}
            </Tag>
          ) : null}
        </Typography.Text>
        <Flex gap={8}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ row: null })}>
            {t.addRequirement}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => void onSave()}
          >
            {t.saveContent}
          </Button>
        </Flex>
      </Flex>
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t.saveFailed}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Table<EditorRow>
        rowKey="code"
        size="small"
        dataSource={rows}
        data-testid="content-editor"
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          {
            title: `${t.chapter} / ${t.clause}`,
            key: 'where',
            width: 220,
            render: (_value, row) => (
              <Typography.Text type="secondary">
                {row.chapterCode} {row.chapterTitle} / {row.clauseCode} {row.clauseTitle}
              </Typography.Text>
            ),
          },
          { title: t.code, dataIndex: 'code', key: 'code', width: 100 },
          { title: t.requirementText, dataIndex: 'text', key: 'text' },
          {
            title: t.weight,
            key: 'tags',
            width: 220,
            render: (_value, row) => (
              <RequirementTags mandatory={row.mandatory} weight={row.weight} industries={row.industries} />
            ),
          },
          {
            title: common.actions,
            key: 'actions',
            width: 120,
            render: (_value, row) => (
              <Flex gap={4}>
                <Button
                  size="small"
                  type="link"
                  icon={<EditOutlined />}
                  aria-label={`${common.edit} ${row.code}`}
                  onClick={() => setEditing({ row })}
                />
                <Popconfirm
                  title={t.removeConfirm}
                  onConfirm={() => update(rows.filter((candidate) => candidate.code !== row.code))}
                >
                  <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t.remove} />
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      <RowModal
        open={editing !== null}
        row={editing?.row ?? null}
        rows={rows}
        onClose={() => setEditing(null)}
        onSave={(saved) => {
          const original = editing?.row;
          update(
            original
              ? rows.map((candidate) => (candidate.code === original.code ? saved : candidate))
              : [...rows, saved],
          );
          setEditing(null);
        }}
      />
    </>
  );
}
