import { CheckCircleOutlined, CloseCircleOutlined, EditOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip, Typography } from 'antd';
import type { RequirementSaveState } from '../hooks/use-answer-autosave';
import { useAssessmentMessages } from '../messages';

export interface SaveStateIndicatorProps {
  value: RequirementSaveState;
  onRetry: () => void;
}

/** The visible saved / saving / failed state of one requirement's answer. */
export function SaveStateIndicator({ value, onRetry }: SaveStateIndicatorProps) {
  const t = useAssessmentMessages();
  switch (value.state) {
    case null:
      return null;
    case 'saving':
      return (
        <Typography.Text type="secondary" data-testid="save-state" data-state="saving">
          <LoadingOutlined /> {t.stateSaving}
        </Typography.Text>
      );
    case 'pending':
      return (
        <Typography.Text type="secondary" data-testid="save-state" data-state="pending">
          <EditOutlined /> {t.statePending}
        </Typography.Text>
      );
    case 'needs-reason':
      return (
        <Typography.Text type="warning" data-testid="save-state" data-state="needs-reason">
          <EditOutlined /> {t.stateNeedsReason}
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success" data-testid="save-state" data-state="saved">
          <CheckCircleOutlined /> {t.stateSaved}
        </Typography.Text>
      );
    case 'failed':
      return (
        <Flex gap={6} align="center" data-testid="save-state" data-state="failed">
          <Tooltip title={value.error}>
            <Typography.Text type="danger">
              <CloseCircleOutlined /> {t.stateFailed}
            </Typography.Text>
          </Tooltip>
          <Button size="small" onClick={onRetry}>
            {t.retry}
          </Button>
        </Flex>
      );
  }
}
