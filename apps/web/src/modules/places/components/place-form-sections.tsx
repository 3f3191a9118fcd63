import { PLACE_BOUNDS } from '@shangmi/shared';
import { Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { FormInstance, Rule } from 'antd/es/form';
import { useState, type ReactNode } from 'react';
import { isApiError } from '../../../api/client';
import { useCommonMessages } from '../../../i18n/common';
import { errorMessage } from '../../../ui/error-result';
import { applyProblemToForm } from '../../../ui/form-errors';
import { RegionTreeSelect } from '../../regions';
import { usePlaceMessages } from '../messages';

/** The two required-field rules every place form uses, worded with the field's label. */
export function usePlaceFormRules() {
  const common = useCommonMessages();
  return {
    required: (label: string): Rule => ({ required: true, whitespace: true, message: common.required(label) }),
    requiredSelect: (label: string): Rule => ({ required: true, message: common.requiredSelect(label) }),
  };
}

/**
 * Submits a place form: while saving `submitting` is true; a rejected ApiError is shown on the form's
 * fields (and in `failure`), any other error as one sentence, and the typed values stay.
 */
export function usePlaceFormSubmit<V>(
  form: FormInstance<V>,
  fields: readonly string[],
  submit: (values: V) => Promise<void>,
) {
  const t = usePlaceMessages();
  const common = useCommonMessages();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string[]>([]);
  const finish = async (values: V) => {
    setSubmitting(true);
    setFailure([]);
    try {
      await submit(values);
    } catch (error) {
      setFailure(
        isApiError(error)
          ? [t.saveFailed, ...applyProblemToForm(form, error, fields)]
          : [t.saveFailed, errorMessage(error, common.networkError)],
      );
    } finally {
      setSubmitting(false);
    }
  };
  return { submitting, failure, finish };
}

export interface PlaceFormFailureProps {
  /** The headline first, then the field messages. */
  failure: string[];
}

/** The alert above a place form that says why saving failed. */
export function PlaceFormFailure({ failure }: PlaceFormFailureProps) {
  if (failure.length === 0) {
    return null;
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="form-error"
      title={failure[0]}
      description={failure.length > 1 ? failure.slice(1).join('；') : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}

export interface PlaceBasicFieldsProps<K extends string> {
  hostKindOptions: { value: K; label: string }[];
  /** Fields after the name, host kind and region row (a base's description). */
  children?: ReactNode;
}

/** The basic information card of a place form: name, host kind and region. */
export function PlaceBasicFields<K extends string>({ hostKindOptions, children }: PlaceBasicFieldsProps<K>) {
  const t = usePlaceMessages();
  const { required, requiredSelect } = usePlaceFormRules();
  return (
    <Card title={t.basicInfo} style={{ marginBottom: 16 }}>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item label={t.name} name="name" rules={[required(t.name)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t.hostKind} name="hostKind" rules={[requiredSelect(t.hostKind)]}>
            <Select<K> options={hostKindOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t.region} name="regionId" rules={[requiredSelect(t.region)]}>
            <RegionTreeSelect allowClear={false} />
          </Form.Item>
        </Col>
      </Row>
      {children}
    </Card>
  );
}

/** The location card of a place form: address, longitude and latitude, with the allowed coordinate box. */
export function PlaceLocationFields() {
  const t = usePlaceMessages();
  const { required, requiredSelect } = usePlaceFormRules();
  return (
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
      <Typography.Text type="secondary" data-testid="coordinate-hint">
        {t.coordinateHint(PLACE_BOUNDS.minLng, PLACE_BOUNDS.maxLng, PLACE_BOUNDS.minLat, PLACE_BOUNDS.maxLat)}
      </Typography.Text>
    </Card>
  );
}

export interface PlaceFormActionsProps {
  submitting: boolean;
  submitLabel: string;
  onCancel: () => void;
}

/** The submit and cancel buttons under a place form. */
export function PlaceFormActions({ submitting, submitLabel, onCancel }: PlaceFormActionsProps) {
  const common = useCommonMessages();
  return (
    <Flex gap={8}>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {submitLabel}
      </Button>
      <Button onClick={onCancel}>{common.cancel}</Button>
    </Flex>
  );
}
