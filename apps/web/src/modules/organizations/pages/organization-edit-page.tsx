import { ORGANIZATION_KINDS, LIMITS, type OrganizationKind } from '@shangmi/shared';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import type { Organization, OrganizationInput, OrganizationPatch } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useDomainLabels } from '../../../i18n/labels';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { applyProblemToForm } from '../../../ui/form-errors';
import { PageHeader } from '../../../ui/page-header';
import { RegionTreeSelect } from '../../regions';
import { useOrganization, useSaveOrganization } from '../hooks/use-organizations';
import { useOrganizationMessages } from '../messages';

interface OrganizationFormValues {
  kind: OrganizationKind;
  name: string;
  regionId: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
}

const FIELDS = ['kind', 'name', 'regionId', 'address', 'contactName', 'contactPhone', 'contactEmail'] as const;

function toInput(values: OrganizationFormValues): OrganizationInput {
  const email = values.contactEmail?.trim() ?? '';
  return {
    kind: values.kind,
    name: values.name.trim(),
    regionId: values.regionId,
    address: values.address.trim(),
    contactName: values.contactName.trim(),
    contactPhone: values.contactPhone.trim(),
    contactEmail: email === '' ? null : email,
  };
}

/** Only changed fields go into the PATCH; the kind cannot change once created. */
function diffOrganization(before: Organization, input: OrganizationInput): OrganizationPatch {
  const patch: OrganizationPatch = {};
  if (input.name !== before.name) {
    patch.name = input.name;
  }
  if (input.regionId !== before.regionId) {
    patch.regionId = input.regionId;
  }
  if (input.address !== before.address) {
    patch.address = input.address;
  }
  if (input.contactName !== before.contactName) {
    patch.contactName = input.contactName;
  }
  if (input.contactPhone !== before.contactPhone) {
    patch.contactPhone = input.contactPhone;
  }
  if ((input.contactEmail ?? null) !== before.contactEmail) {
    patch.contactEmail = input.contactEmail ?? null;
  }
  return patch;
}

interface OrganizationFormProps {
  organization: Organization | null;
}

function OrganizationForm({ organization }: OrganizationFormProps) {
  const t = useOrganizationMessages();
  const common = useCommonMessages();
  const labels = useDomainLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = useSaveOrganization(organization?.id);
  const [form] = Form.useForm<OrganizationFormValues>();
  const [failure, setFailure] = useState<string[]>([]);

  const finish = async (values: OrganizationFormValues) => {
    setFailure([]);
    const input = toInput(values);
    try {
      if (organization) {
        const patch = diffOrganization(organization, input);
        if (Object.keys(patch).length === 0) {
          void message.info(common.nothingChanged);
          return;
        }
        await save.mutateAsync(patch);
      } else {
        await save.mutateAsync(input);
      }
      void message.success(organization ? common.saved : common.created);
      await navigate('/organizations');
    } catch (error) {
      setFailure([
        t.saveFailed,
        ...(isApiError(error) ? applyProblemToForm(form, error, FIELDS) : [errorMessage(error, common.networkError)]),
      ]);
    }
  };

  const required = (label: string) => ({ required: true, whitespace: true, message: common.required(label) });

  return (
    <Form<OrganizationFormValues>
      form={form}
      layout="vertical"
      onFinish={(values) => void finish(values)}
      initialValues={
        organization
          ? { ...organization, contactEmail: organization.contactEmail ?? undefined }
          : { kind: 'department' }
      }
    >
      {failure.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure[0]}
          description={failure.slice(1).join('；') || undefined}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item label={t.kind} name="kind" rules={[{ required: true, message: common.requiredSelect(t.kind) }]}>
              <Select
                disabled={organization !== null}
                options={ORGANIZATION_KINDS.filter((kind) => kind !== 'enterprise' || organization !== null).map(
                  (kind) => ({
                    value: kind,
                    label: labels.organizationKind(kind),
                  }),
                )}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t.name}
              name="name"
              rules={[required(t.name), { max: LIMITS.nameMax, message: common.tooLong(t.name, LIMITS.nameMax) }]}
            >
              <Input maxLength={LIMITS.nameMax} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t.region}
              name="regionId"
              rules={[{ required: true, message: common.requiredSelect(t.region) }]}
            >
              <RegionTreeSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t.address} name="address" rules={[required(t.address)]}>
              <Input maxLength={LIMITS.addressMax} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t.contactName} name="contactName" rules={[required(t.contactName)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t.contactPhone}
              name="contactPhone"
              rules={[required(t.contactPhone), { pattern: /^[0-9+\-() ]{5,30}$/, message: common.invalidPhone }]}
            >
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
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
        <Button onClick={() => void navigate('/organizations')}>{common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {common.save}
        </Button>
      </Flex>
    </Form>
  );
}

/** One page for create (/organizations/new) and edit (/organizations/:id/edit). */
export function OrganizationEditPage() {
  const { id } = useParams();
  const t = useOrganizationMessages();
  const organization = useOrganization(id);
  const crumbs = [{ title: t.listTitle, to: '/organizations' }];
  if (!id) {
    return (
      <>
        <PageHeader title={t.createTitle} crumbs={[...crumbs, { title: t.createTitle }]} />
        <OrganizationForm organization={null} />
      </>
    );
  }
  if (organization.isPending) {
    return <Skeleton active />;
  }
  if (organization.isError) {
    return <ErrorResult error={organization.error} onRetry={() => void organization.refetch()} />;
  }
  return (
    <>
      <PageHeader title={t.editTitle(organization.data.name)} crumbs={[...crumbs, { title: organization.data.name }]} />
      <OrganizationForm organization={organization.data} />
    </>
  );
}
