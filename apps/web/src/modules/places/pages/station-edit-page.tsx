import { App, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { Station, StationInput, StationPatch } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { StationForm, type StationFormValues } from '../components/station-form';
import { useSaveStation, useStation } from '../hooks/use-places';
import { usePlaceMessages } from '../messages';

function toFormValues(station: Station): StationFormValues {
  return {
    name: station.name,
    hostKind: station.hostKind,
    regionId: station.regionId,
    address: station.address,
    longitude: station.longitude,
    latitude: station.latitude,
    staff: station.staff,
    openingHours: station.openingHours,
    services: station.services,
    contactName: station.contactName,
    contactPhone: station.contactPhone,
  };
}

/** Only what changed goes into the PATCH, so the audit log names exactly the edited fields. */
function diffStation(before: Station, input: StationInput): StationPatch {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input) as [keyof StationInput, unknown][]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) {
      patch[key] = value;
    }
  }
  return patch;
}

export function StationCreatePage() {
  const t = usePlaceMessages();
  const common = useCommonMessages();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = useSaveStation(undefined);
  return (
    <>
      <PageHeader
        title={t.newStation}
        crumbs={[{ title: t.stationsTitle, to: '/stations' }, { title: t.newStation }]}
      />
      <StationForm
        submitLabel={common.save}
        onCancel={() => void navigate('/stations')}
        onSubmit={async (input) => {
          const created = await save.mutateAsync(input);
          void message.success(common.created);
          await navigate(`/stations/${created.id}`);
        }}
      />
    </>
  );
}

export function StationEditPage() {
  const { id = '' } = useParams();
  const t = usePlaceMessages();
  const common = useCommonMessages();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const station = useStation(id);
  const save = useSaveStation(id);
  if (station.isPending) {
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }
  if (station.isError) {
    return <ErrorResult error={station.error} onRetry={() => void station.refetch()} />;
  }
  const data = station.data;
  return (
    <>
      <PageHeader
        title={t.editTitle(data.name)}
        crumbs={[
          { title: t.stationsTitle, to: '/stations' },
          { title: data.name, to: `/stations/${data.id}` },
          { title: common.edit },
        ]}
      />
      <StationForm
        initialValues={toFormValues(data)}
        submitLabel={common.save}
        onCancel={() => void navigate(`/stations/${data.id}`)}
        onSubmit={async (input) => {
          const patch = diffStation(data, input);
          if (Object.keys(patch).length === 0) {
            void message.info(common.nothingChanged);
            return;
          }
          await save.mutateAsync(patch);
          void message.success(common.saved);
          await navigate(`/stations/${data.id}`);
        }}
      />
    </>
  );
}
