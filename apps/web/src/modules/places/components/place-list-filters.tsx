import { STATION_SERVICES, type PlaceStatus, type StationService } from '@shangmi/shared';
import { Button, Col, Input, Select } from 'antd';
import { useCommonMessages } from '../../../i18n/common';
import type { UrlState } from '../../../ui/url-state';
import { RegionTreeSelect } from '../../regions';
import { usePlaceLabels, usePlaceMessages } from '../messages';

export const PLACE_STATUSES: readonly PlaceStatus[] = ['active', 'archived'];

export interface PlaceSearchFilterProps {
  url: UrlState;
  value: string | undefined;
  label: string;
  md: number;
}

/** The free-text search box of a place list, kept in the URL as `q`. */
export function PlaceSearchFilter({ url, value, label, md }: PlaceSearchFilterProps) {
  const common = useCommonMessages();
  return (
    <Col xs={24} md={md}>
      <Input.Search
        key={value ?? ''}
        defaultValue={value}
        placeholder={label}
        aria-label={label}
        allowClear
        enterButton={common.search}
        onSearch={(text) => url.set({ q: text.trim() || undefined })}
      />
    </Col>
  );
}

export interface PlaceRegionFilterProps {
  url: UrlState;
  value: string | undefined;
  md: number;
}

/** The region tree filter of a place list, kept in the URL as `regionId`. */
export function PlaceRegionFilter({ url, value, md }: PlaceRegionFilterProps) {
  const t = usePlaceMessages();
  return (
    <Col xs={12} md={md}>
      <RegionTreeSelect
        aria-label={t.region}
        placeholder={t.anyRegion}
        value={value}
        onChange={(regionId) => url.set({ regionId })}
        style={{ width: '100%' }}
      />
    </Col>
  );
}

export interface PlaceSelectFilterProps<T extends string> {
  url: UrlState;
  /** The URL key the choice is kept under. */
  name: string;
  value: T | undefined;
  label: string;
  placeholder: string;
  options: { value: T; label: string }[];
  md: number;
}

/** A one-of choice filter of a place list (host kind, service, status), kept in the URL under `name`. */
export function PlaceSelectFilter<T extends string>({
  url,
  name,
  value,
  label,
  placeholder,
  options,
  md,
}: PlaceSelectFilterProps<T>) {
  return (
    <Col xs={12} md={md}>
      <Select<T>
        aria-label={label}
        placeholder={placeholder}
        allowClear
        value={value}
        onChange={(choice) => url.set({ [name]: choice })}
        options={options}
        style={{ width: '100%' }}
      />
    </Col>
  );
}

export interface PlaceStatusFilterProps {
  url: UrlState;
  value: PlaceStatus | undefined;
  md: number;
}

/** The active/archived filter of a place list. */
export function PlaceStatusFilter({ url, value, md }: PlaceStatusFilterProps) {
  const t = usePlaceMessages();
  const labels = usePlaceLabels();
  return (
    <PlaceSelectFilter<PlaceStatus>
      url={url}
      name="status"
      value={value}
      label={t.status}
      placeholder={t.anyStatus}
      options={PLACE_STATUSES.map((status) => ({ value: status, label: labels.status[status] }))}
      md={md}
    />
  );
}

export interface PlaceServiceFilterProps {
  url: UrlState;
  value: StationService | undefined;
  md: number;
}

/** The station service filter, kept in the URL as `service`. */
export function PlaceServiceFilter({ url, value, md }: PlaceServiceFilterProps) {
  const t = usePlaceMessages();
  const labels = usePlaceLabels();
  return (
    <PlaceSelectFilter<StationService>
      url={url}
      name="service"
      value={value}
      label={t.services}
      placeholder={t.anyService}
      options={STATION_SERVICES.map((service) => ({ value: service, label: labels.service[service] }))}
      md={md}
    />
  );
}

export interface PlaceResetFilterProps {
  url: UrlState;
}

/** Clears every filter of a place list. */
export function PlaceResetFilter({ url }: PlaceResetFilterProps) {
  const common = useCommonMessages();
  return (
    <Col xs={12} md={3}>
      <Button block onClick={url.clear}>
        {common.reset}
      </Button>
    </Col>
  );
}
