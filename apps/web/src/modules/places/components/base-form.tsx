import { BASE_HOST_KINDS, PLACE_BOUNDS, type BaseHostKind } from '@shangmi/shared';
import { Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { isApiError } from '../../../api/client';
import type { BaseInput } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { errorMessage } from '../../../ui/error-result';
import { applyProblemToForm } from '../../../ui/form-errors';
import { RegionTreeSelect } from '../../regions';
import { usePlaceLabels, usePlaceMessages } from '../messages';
import { EnterprisePicker, type EnterpriseRef } from './enterprise-picker';

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
  const common = useCommonMessages();
  const [form] = Form.useForm<BaseFormValues>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string[]>([]);
  const required = (label: string): Rule => ({ required: true, whitespace: true, message: common.required(label) });
  const requiredSelect = (label: string): Rule => ({ required: true, message: common.requiredSelect(label) });

  const finish = async (values: BaseFormValues) => {
    setSubmitting(true);
    setFailure([]);
    try {
      await onSubmit(
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
      );
    } catch (error) {
      setFailure(
        isApiError(error)
          ? [t.saveFailed, ...applyProblemToForm(form, error, BASE_FORM_FIELDS)]
          : [t.saveFailed, errorMessage(error, common.networkError)],
      );
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<BaseFormValues>
      form={form}
      layout="vertical"
      initialValues={{ enterprises: [], longitude: null, latitude: null, ...initialValues }}
      onFinish={(values) => void finish(values)}
      scrollToFirstError
      data-testid="base-form"
    >
      {failure.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="form-error"
          title={failure[0]}
          description={failure.length > 1 ? failure.slice(1).join('；') : undefined}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card title={t.basicInfo} style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item label={t.name} name="name" rules={[required(t.name)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t.hostKind} name="hostKind" rules={[requiredSelect(t.hostKind)]}>
              <Select<BaseHostKind>
                options={BASE_HOST_KINDS.map((kind) => ({ value: kind, label: labels.baseHost[kind] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t.region} name="regionId" rules={[requiredSelect(t.region)]}>
              <RegionTreeSelect allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t.description} name="description">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Card>
      <Card title={t.location} style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item label={t.address} name="address" rules={[required(t.address)]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t.longitude} name="longitude" rules={[requiredSelect(t.longitude)]}>
              <InputNumber<number> step={0.0001} precision={6} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t.latitude} name="latitude" rules={[requiredSelect(t.latitude)]}>
              <InputNumber<number> step={0.0001} precision={6} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">
          {t.coordinateHint(PLACE_BOUNDS.minLng, PLACE_BOUNDS.maxLng, PLACE_BOUNDS.minLat, PLACE_BOUNDS.maxLat)}
        </Typography.Text>
      </Card>
      <Card title={t.enterprises} style={{ marginBottom: 16 }}>
        <Form.Item name="enterprises">
          <EnterprisePicker />
        </Form.Item>
      </Card>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{common.cancel}</Button>
      </Flex>
    </Form>
  );
}
