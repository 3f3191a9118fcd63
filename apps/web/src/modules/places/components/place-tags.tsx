import { STATION_SERVICES, type PlaceStatus, type StationService } from '@shangmi/shared';
import { Space, Tag } from 'antd';
import { usePlaceLabels } from '../messages';

export interface ServiceTagsProps {
  services: readonly StationService[];
}

export function ServiceTags({ services }: ServiceTagsProps) {
  const labels = usePlaceLabels();
  return (
    <Space size={[4, 4]} wrap>
      {STATION_SERVICES.filter((service) => services.includes(service)).map((service) => (
        <Tag key={service} color="blue" variant="outlined">
          {labels.service[service]}
        </Tag>
      ))}
    </Space>
  );
}

export interface PlaceStatusTagProps {
  status: PlaceStatus;
}

export function PlaceStatusTag({ status }: PlaceStatusTagProps) {
  const labels = usePlaceLabels();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{labels.status[status]}</Tag>;
}
