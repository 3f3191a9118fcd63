import type { DesignationKind } from '@shangmi/shared';
import { Select, Spin } from 'antd';
import { useDeferredValue, useState } from 'react';
import type { Me } from '../../../api/types';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { useDesignationMessages } from '../messages';

/** Whom the user applies for without choosing: an enterprise admin for their enterprise, station staff for their station. */
export function ownSubject(user: Me, kind: DesignationKind): { id: string; name: string } | null {
  if (kind === 'enterprise' && user.enterpriseId && user.roles.includes('enterprise_admin')) {
    return { id: user.enterpriseId, name: user.organization?.name ?? '' };
  }
  if (kind === 'station' && user.roles.includes('station_staff') && user.organization) {
    return { id: user.organization.id, name: user.organization.name };
  }
  return null;
}

export interface SubjectPickerProps {
  user: Me;
  kind: DesignationKind;
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}

/**
 * Picks what to apply for: enterprises, stations or bases from the list APIs (the server scopes them to the
 * user's region); a host sees only the bases it hosts. Works as a controlled antd form control.
 */
export function SubjectPicker({ user, kind, value, onChange, id }: SubjectPickerProps) {
  const t = useDesignationMessages();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim()) || undefined;
  const query = { q, page: 1, pageSize: 30, status: 'active' as const };
  // Only the list of the chosen kind is asked for (not every role may read every list).
  const enterprises = useQuery({
    queryKey: ['enterprises', 'list', 'subject-picker', q],
    queryFn: () => unwrap(api.GET('/api/enterprises', { params: { query: { q, page: 1, pageSize: 30 } } })),
    enabled: kind === 'enterprise',
    placeholderData: keepPreviousData,
  });
  const stations = useQuery({
    queryKey: ['stations', 'list', 'subject-picker', q],
    queryFn: () => unwrap(api.GET('/api/stations', { params: { query } })),
    enabled: kind === 'station',
    placeholderData: keepPreviousData,
  });
  const bases = useQuery({
    queryKey: ['bases', 'list', 'subject-picker', q],
    queryFn: () => unwrap(api.GET('/api/bases', { params: { query } })),
    enabled: kind === 'base',
    placeholderData: keepPreviousData,
  });
  const hostOnly = !user.permissions.includes('designation:review') && !user.permissions.includes('designation:manage');
  const options =
    kind === 'enterprise'
      ? (enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.regionName}）` }))
      : kind === 'station'
        ? (stations.data?.items ?? [])
            .filter(
              (s) => !hostOnly || s.id === user.organization?.id || s.hostOrganizationId === user.organization?.id,
            )
            .map((s) => ({ value: s.id, label: `${s.name}（${s.regionName}）` }))
        : (bases.data?.items ?? [])
            .filter((b) => !hostOnly || b.hostOrganizationId === user.organization?.id)
            .map((b) => ({ value: b.id, label: `${b.name}（${b.regionName}）` }));
  const fetching =
    kind === 'enterprise' ? enterprises.isFetching : kind === 'station' ? stations.isFetching : bases.isFetching;
  return (
    <Select<string>
      id={id}
      aria-label={t.subject}
      placeholder={t.searchSubject}
      value={value}
      allowClear
      showSearch={{ onSearch: setSearch, filterOption: false }}
      notFoundContent={fetching ? <Spin size="small" /> : undefined}
      options={options}
      onChange={(next) => onChange?.(next ?? undefined)}
      style={{ width: '100%' }}
      data-testid="subject-picker"
    />
  );
}
