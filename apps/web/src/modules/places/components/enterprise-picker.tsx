import { Select, Spin } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useEnterpriseList } from '../../enterprises';
import { usePlaceMessages } from '../messages';

export interface EnterpriseRef {
  id: string;
  name: string;
}

export interface EnterprisePickerProps {
  value?: EnterpriseRef[];
  onChange?: (value: EnterpriseRef[]) => void;
  id?: string;
}

/** Picks several enterprises by searching /api/enterprises; works as a controlled antd form control. */
export function EnterprisePicker({ value = [], onChange, id }: EnterprisePickerProps) {
  const t = usePlaceMessages();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const list = useEnterpriseList({ q: q || undefined, page: 1, pageSize: 20 });
  const known = new Map(value.map((enterprise) => [enterprise.id, enterprise.name]));
  const options = [
    ...value.map((enterprise) => ({ value: enterprise.id, label: enterprise.name })),
    ...(list.data?.items ?? [])
      .filter((enterprise) => !known.has(enterprise.id))
      .map((enterprise) => ({ value: enterprise.id, label: enterprise.name })),
  ];
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      aria-label={t.enterprises}
      placeholder={t.pickEnterprises}
      value={value.map((enterprise) => enterprise.id)}
      showSearch={{ onSearch: setSearch, filterOption: false }}
      notFoundContent={list.isFetching ? <Spin size="small" /> : undefined}
      options={options}
      onChange={(ids) => {
        const names = new Map(options.map((option) => [option.value, option.label]));
        onChange?.(ids.map((enterpriseId) => ({ id: enterpriseId, name: names.get(enterpriseId) ?? enterpriseId })));
      }}
      style={{ width: '100%' }}
    />
  );
}
