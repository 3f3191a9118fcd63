import { App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../ui/page-header';
import { CampaignForm } from '../components/campaign-form';
import { useCreateCampaign } from '../hooks/use-campaigns';
import { useCampaignMessages } from '../messages';

export function CampaignCreatePage() {
  const t = useCampaignMessages();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreateCampaign();
  return (
    <>
      <PageHeader title={t.newCampaign} crumbs={[{ title: t.listTitle, to: '/campaigns' }, { title: t.newCampaign }]} />
      <CampaignForm
        onCancel={() => void navigate('/campaigns')}
        onSubmit={async (input) => {
          const created = await create.mutateAsync(input);
          void message.success(t.created(created.counts.total));
          await navigate(`/campaigns/${created.id}`);
        }}
      />
    </>
  );
}
