import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useDepartments, type ProgrammeDetail, type WorkItemInput } from '../hooks/use-programme';
import { useProgrammeMessages } from '../messages';

export interface WorkItemFormModalProps {
  open: boolean;
  title: string;
  tasks: ProgrammeDetail['tasks'];
  initialTitle?: string;
  saving: boolean;
  onCancel: () => void;
  onSubmit: (input: WorkItemInput) => void;
}

interface FormValues {
  title: string;
  description?: string;
  taskId?: string;
  ownerOrganizationId: string;
  partnerOrganizationIds?: string[];
  deadline: Dayjs;
}

/** A work item: what, which key task, the owning unit, the co-operating units and the deadline. */
export function WorkItemFormModal({
  open,
  title,
  tasks,
  initialTitle,
  saving,
  onCancel,
  onSubmit,
}: WorkItemFormModalProps) {
  const t = useProgrammeMessages();
  const [form] = Form.useForm<FormValues>();
  const departments = useDepartments();
  const options = (departments.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <Modal
      open={open}
      title={title}
      okText={t.submit}
      cancelText={t.cancel}
      confirmLoading={saving}
      destroyOnHidden
      onCancel={onCancel}
      onOk={() => {
        void form.validateFields().then((v) =>
          onSubmit({
            title: v.title,
            ...(v.description ? { description: v.description } : {}),
            ...(v.taskId ? { taskId: v.taskId } : {}),
            ownerOrganizationId: v.ownerOrganizationId,
            partnerOrganizationIds: v.partnerOrganizationIds ?? [],
            deadline: v.deadline.format('YYYY-MM-DD'),
          }),
        );
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ title: initialTitle }} preserve={false}>
        <Form.Item name="title" label={t.title} rules={[{ required: true, message: '请填写事项' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="taskId" label={t.task}>
          <Select allowClear options={tasks.map((task) => ({ value: task.id, label: task.title }))} />
        </Form.Item>
        <Form.Item name="ownerOrganizationId" label={t.owner} rules={[{ required: true, message: '请选择责任单位' }]}>
          <Select showSearch optionFilterProp="label" options={options} loading={departments.isLoading} />
        </Form.Item>
        <Form.Item name="partnerOrganizationIds" label={t.partners}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={options} />
        </Form.Item>
        <Form.Item name="deadline" label={t.deadline} rules={[{ required: true, message: '请选择完成时限' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label={t.description}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
