import { BASE_HOST_KINDS, type BaseHostKind } from '@shangmi/shared';
import { Card, Form, Input } from 'antd';
import type { BaseInput } from '../../../api/types';
import { usePlaceLabels, usePlaceMessages } from '../messages';
import { EnterprisePicker, type EnterpriseRef } from './enterprise-picker';
import {
  PlaceBasicFields,
  PlaceFormActions,
  PlaceFormFailure,
  PlaceLocationFields,
  usePlaceFormSubmit,
} from './place-form-sections';

export interface BaseFormValues {
  name: string;
  hostKind: BaseHostKind;
  regionId: string;
  address: string;
  longitude: number | null;
  latitude: number | null;
  description?: string;
  enterprises: EnterpriseRef[];
}

const BASE_FORM_FIELDS: readonly string[] = [
  'name',
  'hostKind',
  'regionId',
  'address',
  'longitude',
  'latitude',
  'description',
  'enterprises',
  'enterpriseIds',
];

export interface BaseFormProps {
  initialValues?: Partial<BaseFormValues>;
  submitLabel: string;
  onSubmit: (input: BaseInput, enterprises: EnterpriseRef[]) => Promise<void>;
  onCancel: () => void;
}

export function BaseForm({ initialValues, submitLabel, onSubmit, onCancel }: BaseFormProps) {
  const t = usePlaceMessages();
  const labels = usePlaceLabels();
  const [form] = Form.useForm<BaseFormValues>();
  const { submitting, failure, finish } = usePlaceFormSubmit(form, BASE_FORM_FIELDS, (values) =>
    onSubmit(
      {
        name: values.name.trim(),
        hostKind: values.hostKind,
        regionId: values.regionId,
        address: values.address.trim(),
        longitude: values.longitude ?? 0,
        latitude: values.latitude ?? 0,
        description: values.description?.trim() ?? '',
      },
      values.enterprises,
    ),
  );

  return (
    <Form<BaseFormValues>
      form={form}
      layout="vertical"
      initialValues={{ enterprises: [], longitude: null, latitude: null, ...initialValues }}
      onFinish={(values) => void finish(values)}
      scrollToFirstError
      data-testid="base-form"
    >
      <PlaceFormFailure failure={failure} />
      <PlaceBasicFields<BaseHostKind>
        hostKindOptions={BASE_HOST_KINDS.map((kind) => ({ value: kind, label: labels.baseHost[kind] }))}
      >
        <Form.Item label={t.description} name="description">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </PlaceBasicFields>
      <PlaceLocationFields />
      <Card title={t.enterprises} style={{ marginBottom: 16 }}>
        <Form.Item name="enterprises">
          <EnterprisePicker />
        </Form.Item>
      </Card>
      <PlaceFormActions submitting={submitting} submitLabel={submitLabel} onCancel={onCancel} />
    </Form>
  );
}
