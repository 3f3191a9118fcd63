import {
  ENTERPRISE_SIZES,
  HONOURS,
  LIMITS,
  normalizeUscc,
  usccProblem,
  type EnterpriseSize,
  type Honour,
} from '@shangmi/shared';
import { Alert, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { isApiError } from '../../../api/client';
import type { EnterpriseInput } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useDomainLabels } from '../../../i18n/labels';
import { errorMessage } from '../../../ui/error-result';
import { applyProblemToForm } from '../../../ui/form-errors';
import { RegionTreeSelect } from '../../regions';
import { useIndustries } from '../hooks/use-enterprises';
import { useEnterpriseMessages } from '../messages';

/** What the form holds: optional text fields are '' or undefined until the user types. */
export interface EnterpriseFormValues {
  name: string;
  uscc: string;
  regionId: string;
  address: string;
  industry: string;
  size: EnterpriseSize;
  honours: Honour[];
  legalRepresentative?: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  employees?: number | null;
}

export const ENTERPRISE_FORM_FIELDS: readonly (keyof EnterpriseFormValues)[] = [
  'name',
  'uscc',
  'regionId',
  'address',
  'industry',
  'size',
  'honours',
  'legalRepresentative',
  'contactName',
  'contactPhone',
  'contactEmail',
  'employees',
];

function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Form values → request body: trims text and sends empty optional fields as null. */
export function toEnterpriseInput(values: EnterpriseFormValues): EnterpriseInput {
  return {
    name: values.name.trim(),
    uscc: normalizeUscc(values.uscc),
    regionId: values.regionId,
    address: values.address.trim(),
    industry: values.industry,
    size: values.size,
    honours: values.honours,
    legalRepresentative: blankToNull(values.legalRepresentative),
    contactName: values.contactName.trim(),
    contactPhone: values.contactPhone.trim(),
    contactEmail: blankToNull(values.contactEmail),
    employees: values.employees ?? null,
  };
}

const PHONE_PATTERN = /^[0-9+\-() ]{5,30}$/;

export interface EnterpriseFormProps {
  initialValues?: Partial<EnterpriseFormValues>;
  submitLabel: string;
  /** Saves; a rejected ApiError is shown on the form's fields and the typed values stay. */
  onSubmit: (input: EnterpriseInput) => Promise<void>;
  onCancel: () => void;
}

export function EnterpriseForm({ initialValues, submitLabel, onSubmit, onCancel }: EnterpriseFormProps) {
  const t = useEnterpriseMessages();
  const common = useCommonMessages();
  const labels = useDomainLabels();
  const industries = useIndustries();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string[]>([]);

  const required = (label: string): Rule => ({ required: true, whitespace: true, message: common.required(label) });
  const requiredSelect = (label: string): Rule => ({ required: true, message: common.requiredSelect(label) });
  const max = (label: string, length: number): Rule => ({ max: length, message: common.tooLong(label, length) });

  const finish = async (values: EnterpriseFormValues) => {
    setSubmitting(true);
    setFailure([]);
    try {
      await onSubmit(toEnterpriseInput(values));
    } catch (error) {
      if (isApiError(error)) {
        setFailure([t.saveFailed, ...applyProblemToForm(form, error, ENTERPRISE_FORM_FIELDS)]);
      } else {
        setFailure([t.saveFailed, errorMessage(error, common.networkError)]);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<EnterpriseFormValues>
      form={form}
      layout="vertical"
      initialValues={{ honours: [], size: 'small', ...initialValues }}
      onFinish={(values) => void finish(values)}
      scrollToFirstError
      data-testid="enterprise-form"
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
            <Form.Item label={t.name} name="name" rules={[required(t.name), max(t.name, LIMITS.nameMax)]}>
              <Input maxLength={LIMITS.nameMax} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t.uscc}
              name="uscc"
              extra={t.uscchelp}
              normalize={(value: unknown) => (typeof value === 'string' ? normalizeUscc(value) : value)}
              validateTrigger={['onChange', 'onBlur']}
              rules={[
                required(t.uscc),
                {
                  validateTrigger: 'onBlur',
                  validator: async (_rule, value: unknown) => {
                    if (typeof value !== 'string' || value === '') {
                      return;
                    }
                    const problem = usccProblem(normalizeUscc(value));
                    if (problem) {
                      throw new Error(labels.usccProblem(problem));
                    }
                  },
                },
              ]}
            >
              <Input maxLength={24} style={{ fontFamily: 'monospace', letterSpacing: 1 }} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t.region} name="regionId" rules={[requiredSelect(t.region)]}>
              <RegionTreeSelect placeholder={common.requiredSelect(t.region)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t.industry} name="industry" rules={[requiredSelect(t.industry)]}>
              <Select
                data-testid="industry-select"
                loading={industries.isLoading}
                showSearch={{ optionFilterProp: 'label' }}
                options={(industries.data?.items ?? []).map((industry) => ({
                  value: industry.code,
                  label: industry.name,
                }))}
                placeholder={common.requiredSelect(t.industry)}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              label={t.address}
              name="address"
              rules={[required(t.address), max(t.address, LIMITS.addressMax)]}
            >
              <Input maxLength={LIMITS.addressMax} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t.size} name="size" rules={[requiredSelect(t.size)]}>
              <Radio.Group
                optionType="button"
                options={ENTERPRISE_SIZES.map((size) => ({ value: size, label: labels.size(size) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t.employees}
              name="employees"
              rules={[{ type: 'integer', min: 0, message: t.employeesInvalid }]}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t.honours} name="honours">
              <Checkbox.Group options={HONOURS.map((honour) => ({ value: honour, label: labels.honour(honour) }))} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t.contactInfo} style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item
              label={t.legalRepresentative}
              name="legalRepresentative"
              rules={[max(t.legalRepresentative, 50)]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t.contactName}
              name="contactName"
              rules={[required(t.contactName), max(t.contactName, 50)]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t.contactPhone}
              name="contactPhone"
              rules={[required(t.contactPhone), { pattern: PHONE_PATTERN, message: common.invalidPhone }]}
            >
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t.contactEmail}
              name="contactEmail"
              rules={[{ type: 'email', message: common.invalidEmail }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>{common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {submitLabel}
        </Button>
      </Flex>
    </Form>
  );
}
