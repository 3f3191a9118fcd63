import { App, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { Enterprise, EnterpriseInput, EnterprisePatch } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { EnterpriseForm, type EnterpriseFormValues } from '../components/enterprise-form';
import { useEnterprise, useUpdateEnterprise } from '../hooks/use-enterprises';
import { useEnterpriseMessages } from '../messages';

function toFormValues(enterprise: Enterprise): EnterpriseFormValues {
  return {
    name: enterprise.name,
    uscc: enterprise.uscc,
    regionId: enterprise.regionId,
    address: enterprise.address,
    industry: enterprise.industry,
    size: enterprise.size,
    honours: enterprise.honours,
    legalRepresentative: enterprise.legalRepresentative ?? undefined,
    contactName: enterprise.contactName,
    contactPhone: enterprise.contactPhone,
    contactEmail: enterprise.contactEmail ?? undefined,
    employees: enterprise.employees,
  };
}

/** Only what changed goes into the PATCH, so the audit log names exactly the edited fields. */
export function diffEnterprise(before: Enterprise, input: EnterpriseInput): EnterprisePatch {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input) as [keyof EnterpriseInput, unknown][]) {
    const previous: unknown = before[key] ?? null;
    if (JSON.stringify(previous) !== JSON.stringify(value ?? null)) {
      patch[key] = value;
    }
  }
  return patch;
}

export function EnterpriseEditPage() {
  const { id = '' } = useParams();
  const t = useEnterpriseMessages();
  const common = useCommonMessages();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const enterprise = useEnterprise(id);
  const update = useUpdateEnterprise(id);

  if (enterprise.isPending) {
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }
  if (enterprise.isError) {
    return <ErrorResult error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  }
  const data = enterprise.data;
  return (
    <>
      <PageHeader
        title={t.editTitle(data.name)}
        crumbs={[
          { title: t.listTitle, to: '/enterprises' },
          { title: data.name, to: `/enterprises/${data.id}` },
          { title: common.edit },
        ]}
      />
      <EnterpriseForm
        initialValues={toFormValues(data)}
        submitLabel={common.save}
        onCancel={() => void navigate(`/enterprises/${data.id}`)}
        onSubmit={async (input) => {
          const patch = diffEnterprise(data, input);
          if (Object.keys(patch).length === 0) {
            void message.info(common.nothingChanged);
            return;
          }
          await update.mutateAsync(patch);
          void message.success(common.saved);
          await navigate(`/enterprises/${data.id}`);
        }}
      />
    </>
  );
}
