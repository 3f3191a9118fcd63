import { HONOURS, type Honour } from '@shangmi/shared';
import { Alert, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '../../../api/client';
import type { CampaignInput, RegionNode } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useDomainLabels } from '../../../i18n/labels';
import { errorMessage } from '../../../ui/error-result';
import { applyProblemToForm } from '../../../ui/form-errors';
import { useEnterpriseCount, useIndustries } from '../../enterprises';
import { usePublishedStandardVersions } from '../../frameworks';
import { useRegions } from '../../regions';
import { useCampaignMessages } from '../messages';

interface CampaignValues {
  name: string;
  standardVersionId: string;
  regionIds: string[];
  industries: string[];
  honours: Honour[];
  deadline: Dayjs;
}

const FIELDS = ['name', 'standardVersionId', 'regionIds', 'industries', 'honours', 'deadline'];

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

function toOptions(nodes: RegionNode[]): TreeOption[] {
  return nodes.map((node) => ({ value: node.id, title: node.name, children: toOptions(node.children) }));
}

interface MatchCountProps {
  regionIds: string[];
  industries: string[];
  honours: Honour[];
}

/** How many enterprises a campaign would reach, when one request can tell (one value per criterion). */
function MatchCount({ regionIds, industries, honours }: MatchCountProps) {
  const t = useCampaignMessages();
  const simple = regionIds.length <= 1 && industries.length <= 1 && honours.length <= 1;
  const count = useEnterpriseCount(
    { regionId: regionIds[0], industry: industries[0], honour: honours[0], status: 'active' },
    simple,
  );
  return (
    <Alert
      type="info"
      showIcon
      data-testid="match-count"
      title={simple ? (count.data === undefined ? '…' : t.matchCount(count.data)) : t.matchLater}
      description={t.matchHint}
    />
  );
}

export interface CampaignFormProps {
  onSubmit: (input: CampaignInput) => Promise<void>;
  onCancel: () => void;
}

export function CampaignForm({ onSubmit, onCancel }: CampaignFormProps) {
  const t = useCampaignMessages();
  const common = useCommonMessages();
  const labels = useDomainLabels();
  const [form] = Form.useForm<CampaignValues>();
  const versions = usePublishedStandardVersions();
  const industries = useIndustries();
  const regions = useRegions();
  const treeData = useMemo(() => toOptions(regions.data?.items ?? []), [regions.data]);
  const [failure, setFailure] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const regionIds = Form.useWatch('regionIds', form) ?? [];
  const chosenIndustries = Form.useWatch('industries', form) ?? [];
  const honours = Form.useWatch('honours', form) ?? [];
  const firstVersion = versions.options[0]?.value;
  useEffect(() => {
    // The versions arrive after the form mounts: preselect the newest published one.
    if (firstVersion && !form.getFieldValue('standardVersionId')) {
      form.setFieldValue('standardVersionId', firstVersion);
    }
  }, [firstVersion, form]);

  const submit = async (values: CampaignValues) => {
    setBusy(true);
    setFailure([]);
    try {
      await onSubmit({
        name: values.name.trim(),
        standardVersionId: values.standardVersionId,
        criteria: { regionIds: values.regionIds, industries: values.industries, honours: values.honours },
        deadline: values.deadline.format('YYYY-MM-DD'),
      });
    } catch (error) {
      setFailure(
        isApiError(error) ? applyProblemToForm(form, error, FIELDS) : [errorMessage(error, common.networkError)],
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      {failure.length > 0 ? (
        <Alert type="error" showIcon role="alert" title={failure.join('；')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<CampaignValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 760 }}
        data-testid="campaign-form"
        initialValues={{
          regionIds: [],
          industries: [],
          honours: [],
          deadline: dayjs().add(60, 'day'),
        }}
        onFinish={(values) => void submit(values)}
        onFinishFailed={() => setFailure([common.formInvalid])}
      >
        <Form.Item
          name="name"
          label={t.name}
          rules={[{ required: true, whitespace: true, message: common.required(t.name) }, { max: 200 }]}
        >
          <Input placeholder={t.namePlaceholder} maxLength={200} />
        </Form.Item>
        <Form.Item
          name="standardVersionId"
          label={t.standard}
          extra={t.standardHint}
          rules={[{ required: true, message: common.requiredSelect(t.standard) }]}
        >
          <Select loading={versions.isLoading} options={versions.options} />
        </Form.Item>
        <Form.Item name="regionIds" label={t.regions} extra={t.regionsHint}>
          <TreeSelect
            multiple
            treeCheckable={false}
            allowClear
            treeData={treeData}
            loading={regions.isLoading}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={treeData.map((node) => node.value)}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item name="industries" label={t.industries} extra={t.industriesHint}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(industries.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
          />
        </Form.Item>
        <Form.Item name="honours" label={t.honours} extra={t.honoursHint}>
          <Checkbox.Group options={HONOURS.map((honour) => ({ value: honour, label: labels.honour(honour) }))} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t.deadline}
          rules={[
            { required: true, message: t.deadlineRequired },
            {
              validator: (_rule, value: Dayjs | undefined) =>
                value && value.isBefore(dayjs(), 'day') ? Promise.reject(new Error(t.deadlinePast)) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <div style={{ marginBottom: 24 }}>
          <MatchCount regionIds={regionIds} industries={chosenIndustries} honours={honours} />
        </div>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.create}
          </Button>
          <Button onClick={onCancel}>{common.cancel}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
