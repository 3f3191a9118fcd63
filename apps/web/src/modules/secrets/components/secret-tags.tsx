import {
  READINESS_ITEM_LABELS,
  SECRET_POINT_STATUS_LABELS,
  SECRET_PROPERTIES,
  SECRET_PROPERTY_LABELS,
  type ReadinessItem,
  type SecretPointStatus,
} from '@shangmi/shared';
import { Flex, List, Progress, Tag, Typography } from 'antd';
import { useSecretMessages } from '../messages';

export interface LevelTagProps {
  name: string;
  core: boolean;
}

export function LevelTag({ name, core }: LevelTagProps) {
  return <Tag color={core ? 'red' : 'orange'}>{name}</Tag>;
}

const STATUS_COLORS: Record<SecretPointStatus, string> = {
  draft: 'default',
  confirmed: 'green',
  declassified: 'blue',
  destroyed: 'default',
};

export interface PointStatusTagProps {
  status: SecretPointStatus;
}

export function PointStatusTag({ status }: PointStatusTagProps) {
  return <Tag color={STATUS_COLORS[status]}>{SECRET_POINT_STATUS_LABELS[status]}</Tag>;
}

export interface ReadinessValue {
  score: number;
  properties: { secrecy: number; value: number; protection: number };
  missing: ReadinessItem[];
}

const strokeOf = (score: number) => (score >= 80 ? '#52c41a' : score >= 50 ? '#faad14' : '#ff4d4f');

export interface ReadinessBarProps {
  readiness: ReadinessValue;
}

/** The register's compact readiness: the score, with the three properties on hover. */
export function ReadinessBar({ readiness }: ReadinessBarProps) {
  return (
    <div
      title={SECRET_PROPERTIES.map((p) => `${SECRET_PROPERTY_LABELS[p]} ${readiness.properties[p]}`).join(' / ')}
      data-testid="readiness-score"
      data-score={readiness.score}
    >
      <Progress percent={readiness.score} size="small" strokeColor={strokeOf(readiness.score)} />
    </div>
  );
}

export interface ReadinessPanelProps {
  readiness: ReadinessValue;
}

/** The detail's readiness: a score per property (秘密性, 价值性, 保密性) and what is missing. */
export function ReadinessPanel({ readiness }: ReadinessPanelProps) {
  const t = useSecretMessages();
  return (
    <div data-testid="readiness-panel" data-score={readiness.score}>
      <Flex gap={24} wrap align="center">
        <Progress type="circle" percent={readiness.score} size={88} strokeColor={strokeOf(readiness.score)} />
        {SECRET_PROPERTIES.map((p) => (
          <div key={p} style={{ minWidth: 140 }}>
            <Typography.Text type="secondary">{SECRET_PROPERTY_LABELS[p]}</Typography.Text>
            <Progress percent={readiness.properties[p]} size="small" strokeColor={strokeOf(readiness.properties[p])} />
          </div>
        ))}
      </Flex>
      {readiness.missing.length === 0 ? (
        <Typography.Text type="success">{t.complete}</Typography.Text>
      ) : (
        <List
          size="small"
          header={<Typography.Text strong>{t.missing}</Typography.Text>}
          dataSource={readiness.missing}
          renderItem={(item) => <List.Item>{READINESS_ITEM_LABELS[item]}</List.Item>}
        />
      )}
    </div>
  );
}
