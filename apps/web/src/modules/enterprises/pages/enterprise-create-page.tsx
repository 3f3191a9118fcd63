import { App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCommonMessages } from '../../../i18n/common';
import { PageHeader } from '../../../ui/page-header';
import { EnterpriseForm } from '../components/enterprise-form';
import { useCreateEnterprise } from '../hooks/use-enterprises';
import { useEnterpriseMessages } from '../messages';

export function EnterpriseCreatePage() {
  const t = useEnterpriseMessages();
  const common = useCommonMessages();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreateEnterprise();
  return (
    <>
      <PageHeader
        title={t.createTitle}
        crumbs={[{ title: t.listTitle, to: '/enterprises' }, { title: t.createTitle }]}
      />
      <EnterpriseForm
        submitLabel={common.save}
        onCancel={() => void navigate('/enterprises')}
        onSubmit={async (input) => {
          const created = await create.mutateAsync(input);
          void message.success(common.created);
          await navigate(`/enterprises/${created.id}`);
        }}
      />
    </>
  );
}
