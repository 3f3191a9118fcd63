import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { STATION_HOST_KINDS, STATION_SERVICES, type StationHostKind, type StationService } from '@shangmi/shared';
import { Button, Card, Checkbox, Col, Form, Input, Row } from 'antd';
import type { StationInput, StationStaff } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { usePlaceLabels, usePlaceMessages } from '../messages';
import {
  PlaceBasicFields,
  PlaceFormActions,
  PlaceFormFailure,
  PlaceLocationFields,
  usePlaceFormRules,
  usePlaceFormSubmit,
} from './place-form-sections';

export interface StationFormValues {
  name: string;
  hostKind: StationHostKind;
  regionId: string;
  address: string;
  longitude: number | null;
  latitude: number | null;
  staff: StationStaff[];
  openingHours: string;
  services: StationService[];
  contactName: string;
  contactPhone: string;
}

const STATION_FORM_FIELDS: readonly (keyof StationFormValues)[] = [
  'name',
  'hostKind',
  'regionId',
  'address',
  'longitude',
  'latitude',
  'staff',
  'openingHours',
  'services',
  'contactName',
  'contactPhone',
];

export function toStationInput(values: StationFormValues): StationInput {
  return {
    name: values.name.trim(),
    hostKind: values.hostKind,
    regionId: values.regionId,
    address: values.address.trim(),
    longitude: values.longitude ?? 0,
    latitude: values.latitude ?? 0,
    staff: values.staff.map((member) => ({
      name: member.name.trim(),
      role: member.role.trim(),
      phone: member.phone.trim(),
      liaison: Boolean(member.liaison),
    })),
    openingHours: values.openingHours.trim(),
    services: values.services,
    contactName: values.contactName.trim(),
    contactPhone: values.contactPhone.trim(),
  };
}

export interface StationFormProps {
  initialValues?: Partial<StationFormValues>;
  submitLabel: string;
  /** Saves; a rejected ApiError is shown on the form's fields and the typed values stay. */
  onSubmit: (input: StationInput) => Promise<void>;
  onCancel: () => void;
}

const EMPTY_STAFF: StationStaff = { name: '', role: '', phone: '', liaison: true };

export function StationForm({ initialValues, submitLabel, onSubmit, onCancel }: StationFormProps) {
  const t = usePlaceMessages();
  const labels = usePlaceLabels();
  const common = useCommonMessages();
  const [form] = Form.useForm<StationFormValues>();
  const { required } = usePlaceFormRules();
  const { submitting, failure, finish } = usePlaceFormSubmit(form, STATION_FORM_FIELDS, (values) =>
    onSubmit(toStationInput(values)),
  );

  return (
    <Form<StationFormValues>
      form={form}
      layout="vertical"
      initialValues={{ services: [], staff: [EMPTY_STAFF], longitude: null, latitude: null, ...initialValues }}
      onFinish={(values) => void finish(values)}
      scrollToFirstError
      data-testid="station-form"
    >
      <PlaceFormFailure failure={failure} />
      <PlaceBasicFields<StationHostKind>
        hostKindOptions={STATION_HOST_KINDS.map((kind) => ({ value: kind, label: labels.stationHost[kind] }))}
      />
      <PlaceLocationFields />
      <Card title={t.serviceInfo} style={{ marginBottom: 16 }}>
        <Form.Item label={t.services} name="services" rules={[{ required: true, message: t.servicesRequired }]}>
          <Checkbox.Group
            options={STATION_SERVICES.map((service) => ({ value: service, label: labels.service[service] }))}
          />
        </Form.Item>
        <Form.Item label={t.openingHours} name="openingHours" rules={[required(t.openingHours)]}>
          <Input placeholder={t.openingHoursPlaceholder} maxLength={200} />
        </Form.Item>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item label={t.contactName} name="contactName" rules={[required(t.contactName)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t.contactPhone} name="contactPhone" rules={[required(t.contactPhone)]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t.staff} style={{ marginBottom: 16 }} data-testid="staff-editor">
        <Form.List
          name="staff"
          rules={[
            {
              validator: async (_rule, value: StationStaff[] | undefined) => {
                const staff = value ?? [];
                if (staff.length === 0) {
                  throw new Error(t.staffRequired);
                }
                if (staff.filter((member) => member.liaison).length !== 1) {
                  throw new Error(t.exactlyOneLiaison);
                }
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={12} align="top">
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={index === 0 ? t.staffName : undefined}
                      rules={[required(t.staffName)]}
                    >
                      <Input aria-label={`${t.staffName} ${index + 1}`} maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={[field.name, 'role']}
                      label={index === 0 ? t.staffRole : undefined}
                      rules={[required(t.staffRole)]}
                    >
                      <Input aria-label={`${t.staffRole} ${index + 1}`} maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={[field.name, 'phone']}
                      label={index === 0 ? t.staffPhone : undefined}
                      rules={[required(t.staffPhone)]}
                    >
                      <Input aria-label={`${t.staffPhone} ${index + 1}`} maxLength={30} />
                    </Form.Item>
                  </Col>
                  <Col xs={18} md={4}>
                    <Form.Item
                      name={[field.name, 'liaison']}
                      valuePropName="checked"
                      label={index === 0 ? ' ' : undefined}
                    >
                      <Checkbox
                        onChange={(event) => {
                          // One liaison: ticking one clears the others.
                          if (event.target.checked) {
                            const staff = form.getFieldValue('staff') as StationStaff[];
                            form.setFieldValue(
                              'staff',
                              staff.map((member, position) => ({ ...member, liaison: position === index })),
                            );
                          }
                          void form.validateFields([['staff']]).catch(() => undefined);
                        }}
                      >
                        {t.liaison}
                      </Checkbox>
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={2}>
                    <Form.Item label={index === 0 ? ' ' : undefined}>
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={`${common.cancel} ${index + 1}`}
                        disabled={fields.length <= 1}
                        onClick={() => remove(field.name)}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ ...EMPTY_STAFF, liaison: fields.length === 0 })}
              >
                {t.addStaff}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Card>
      <PlaceFormActions submitting={submitting} submitLabel={submitLabel} onCancel={onCancel} />
    </Form>
  );
}
