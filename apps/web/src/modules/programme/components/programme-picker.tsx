import { Select } from 'antd';
import type { ProgrammeSummary } from '../hooks/use-programme';

export interface ProgrammePickerProps {
  programmes: ProgrammeSummary[];
  value: string | undefined;
  onChange: (id: string) => void;
}

/** Chooses among the deployment's programmes (shown only when there is more than one). */
export function ProgrammePicker({ programmes, value, onChange }: ProgrammePickerProps) {
  if (programmes.length < 2) {
    return null;
  }
  return (
    <Select
      style={{ minWidth: 320 }}
      value={value}
      onChange={onChange}
      options={programmes.map((p) => ({ value: p.id, label: `${p.regionName}｜${p.title}` }))}
      aria-label="工作方案"
    />
  );
}
