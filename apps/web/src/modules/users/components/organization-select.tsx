import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import type { OrganizationRef } from '../../../api/types';
import { useDomainLabels } from '../../../i18n/labels';
import { useOrganizationList } from '../../organizations';

export interface OrganizationSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  disabled?: boolean;
  /** The organisation already chosen, so its name shows before any search. */
  current?: OrganizationRef | null;
  id?: string;
}

/** Searches /api/organizations as the user types (the list can be long). */
export function OrganizationSelect({ value, onChange, placeholder, disabled, current, id }: OrganizationSelectProps) {
  const labels = useDomainLabels();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const list = useOrganizationList({ q: deferred.trim() || undefined, page: 1, pageSize: 20 }, !disabled);
  const options = (list.data?.items ?? []).map((organization) => ({
    value: organization.id,
    label: `${organization.name}（${labels.organizationKind(organization.kind)}）`,
  }));
  if (current && !options.some((option) => option.value === current.id)) {
    options.unshift({ value: current.id, label: `${current.name}（${labels.organizationKind(current.kind)}）` });
  }
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      placeholder={placeholder}
      disabled={disabled}
      allowClear
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={null}
    />
  );
}
