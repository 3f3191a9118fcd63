import {
  PACE_STATUS_LABELS,
  WORK_ITEM_STATUS_LABELS,
  type PaceStatus,
  type WorkItemDisplayStatus,
} from '@shangmi/shared';
import { Tag } from 'antd';

const PACE_COLORS: Record<PaceStatus, string> = { on_track: 'success', at_risk: 'warning', behind: 'error' };
const WORK_ITEM_COLORS: Record<WorkItemDisplayStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  overdue: 'error',
};

export interface PaceTagProps {
  status: PaceStatus;
}

export function PaceTag({ status }: PaceTagProps) {
  return <Tag color={PACE_COLORS[status]}>{PACE_STATUS_LABELS[status]}</Tag>;
}

export interface WorkItemStatusTagProps {
  status: WorkItemDisplayStatus;
}

export function WorkItemStatusTag({ status }: WorkItemStatusTagProps) {
  return (
    <Tag color={WORK_ITEM_COLORS[status]} data-testid={`work-item-status-${status}`}>
      {WORK_ITEM_STATUS_LABELS[status]}
    </Tag>
  );
}
