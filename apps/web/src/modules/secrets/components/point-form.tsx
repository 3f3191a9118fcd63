import {
  SECRET_CATEGORIES,
  SECRET_CATEGORY_GROUP,
  SECRET_CATEGORY_GROUP_LABELS,
  SECRET_CATEGORY_LABELS,
} from '@shangmi/shared';
import { AutoComplete, Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSecretMessages } from '../messages';

export interface PointFormValues {
  name: string;
  category: (typeof SECRET_CATEGORIES)[number];
  levelCode: string;
  longTerm: boolean;
  protectedUntil?: Dayjs | null;
  department: string;
  content: string;
  valueStatement?: string;
  notes?: string;
}

export interface PointFormProps {
  levels: { code: string; name: string }[];
  departments: string[];
}

export const categoryOptions = (['technical', 'business'] as const).map((group) => ({
  label: SECRET_CATEGORY_GROUP_LABELS[group],
  options: SECRET_CATEGORIES.filter((c) => SECRET_CATEGORY_GROUP[c] === group).map((c) => ({
    value: c,
    label: SECRET_CATEGORY_LABELS[c],
  })),
}));

/** The fields of a secret point (inside a parent <Form>). */
export function PointFormFields({ levels, departments }: PointFormProps) {
  const t = useSecretMessages();
  const longTerm = Form.useWatch<boolean | undefined>('longTerm');
  return (
    <>
      <Form.Item name="name" label={t.name} extra={t.nameHint} rules={[{ required: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="category" label={t.category} rules={[{ required: true }]}>
          <Select style={{ width: 180 }} options={categoryOptions} />
        </Form.Item>
        <Form.Item name="levelCode" label={t.level} rules={[{ required: true }]}>
          <Select style={{ width: 160 }} options={levels.map((l) => ({ value: l.code, label: l.name }))} />
        </Form.Item>
        <Form.Item name="department" label={t.department} rules={[{ required: true, max: 100 }]}>
          <AutoComplete
            style={{ width: 200 }}
            options={departments.map((d) => ({ value: d }))}
            filterOption={(input, option) => (option?.value ?? '').includes(input)}
          />
        </Form.Item>
      </Space>
      <Space wrap align="end">
        <Form.Item name="longTerm" valuePropName="checked" label={t.protectedUntil}>
          <Checkbox>{t.longTerm}</Checkbox>
        </Form.Item>
        {longTerm ? null : (
          <Form.Item name="protectedUntil" rules={[{ required: true }]}>
            <DatePicker minDate={dayjs()} />
          </Form.Item>
        )}
      </Space>
      <Form.Item name="content" label={t.content} extra={t.contentHint} rules={[{ required: true, max: 20000 }]}>
        <Input.TextArea rows={5} />
      </Form.Item>
      <Form.Item name="valueStatement" label={t.valueStatement} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="notes" label={t.notes} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

/** Form values → request body . */
export function toPointBody(values: PointFormValues) {
  return {
    name: values.name,
    category: values.category,
    levelCode: values.levelCode,
    protectedUntil: values.longTerm || !values.protectedUntil ? null : values.protectedUntil.format('YYYY-MM-DD'),
    department: values.department.trim(),
    content: values.content,
    valueStatement: values.valueStatement ?? null,
    notes: values.notes ?? null,
  };
}
