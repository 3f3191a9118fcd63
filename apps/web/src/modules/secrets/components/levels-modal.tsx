import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { SECRET_LEVEL_LIMITS } from '@shangmi/shared';
import { App, Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useSetLevels, type LevelInput } from '../hooks/use-secrets';
import { useSecretMessages } from '../messages';

export interface LevelsModalProps {
  open: boolean;
  levels: LevelInput[];
  onClose: () => void;
}

/** The enterprise's own classification levels (密级): name, code, and whether it is a core level. */
export function LevelsModal({ open, levels, onClose }: LevelsModalProps) {
  const t = useSecretMessages();
  const [form] = Form.useForm<{ levels: LevelInput[] }>();
  const save = useSetLevels();
  const { message } = App.useApp();
  return (
    <Modal
      open={open}
      title={t.levelsTitle}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={save.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => {
        void form.validateFields().then((values) =>
          save.mutate(values.levels, {
            onSuccess: () => onClose(),
            onError: (e) => void message.error(e.message),
          }),
        );
      }}
    >
      <Typography.Paragraph type="secondary">{t.levelsHint}</Typography.Paragraph>
      <Form form={form} initialValues={{ levels }} preserve={false}>
        <Form.List name="levels">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, max: 20 }]}>
                    <Input placeholder={t.levelName} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'code']}
                    rules={[
                      {
                        required: true,
                        pattern: new RegExp(SECRET_LEVEL_LIMITS.codePattern),
                        message: t.levelCodeRule,
                      },
                    ]}
                  >
                    <Input placeholder={t.levelCode} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'core']} valuePropName="checked">
                    <Checkbox>{t.levelCore}</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              {fields.length < SECRET_LEVEL_LIMITS.maxLevels ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', code: '', core: false })}>
                  {t.addLevel}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
