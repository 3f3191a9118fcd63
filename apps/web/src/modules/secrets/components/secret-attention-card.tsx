import { OFFBOARDING_STEP_LABELS } from '@shangmi/shared';
import { Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { formatDate } from '../../../ui/format';
import { useAttention } from '../hooks/use-secrets';
import { useSecretMessages } from '../messages';

/** The enterprise admin's home card: what in the secret register needs attention now. */
export function SecretAttentionCard() {
  const t = useSecretMessages();
  const { can } = useAuth();
  const manage = can('secret:manage');
  const attention = useAttention(manage);
  if (!manage) {
    return null;
  }
  const a = attention.data;
  const items: { key: string; title: string; lines: { key: string; to: string; text: string; tag?: string }[] }[] = a
    ? [
        {
          key: 'overdue',
          title: t.overdueSteps,
          lines: a.overdueSteps.map((s) => ({
            key: `${s.offboardingId}-${s.step}`,
            to: `/secrets/offboardings/${s.offboardingId}`,
            text: `${s.personnelName}：${OFFBOARDING_STEP_LABELS[s.step]}（${formatDate(s.dueOn)}）`,
            tag: s.highRisk ? t.highRisk : undefined,
          })),
        },
        {
          key: 'unsigned',
          title: t.unsigned,
          lines: a.unsignedKnowers.map((p) => ({
            key: p.personnelId,
            to: `/secrets/personnel/${p.personnelId}`,
            text: p.name,
          })),
        },
        {
          key: 'low',
          title: t.lowReadiness,
          lines: a.lowReadiness.map((p) => ({
            key: p.id,
            to: `/secrets/points/${p.id}`,
            text: `${p.number} ${p.name}：${p.score} 分`,
          })),
        },
        {
          key: 'expiring',
          title: t.expiringSoon,
          lines: a.expiringSoon.map((p) => ({
            key: p.id,
            to: `/secrets/points/${p.id}`,
            text: `${p.number} ${p.name}：${formatDate(p.protectedUntil)}`,
          })),
        },
        {
          key: 'payments',
          title: t.paymentsDue,
          lines: a.paymentsDue.map((p) => ({
            key: `${p.offboardingId}-${p.dueOn}`,
            to: `/secrets/offboardings/${p.offboardingId}`,
            text: `${p.personnelName}：${formatDate(p.dueOn)} ${p.amount.toFixed(2)} 元`,
          })),
        },
      ].filter((group) => group.lines.length > 0)
    : [];
  return (
    <Card
      title={t.attentionTitle}
      style={{ marginBottom: 16 }}
      loading={attention.isPending}
      extra={<Link to="/secrets">{t.openRegister}</Link>}
      data-testid="secret-attention"
    >
      {a ? (
        <>
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col span={6}>
              <Statistic title={t.averageReadiness} value={a.averageReadiness ?? '—'} />
            </Col>
            <Col span={6}>
              <Statistic
                title={t.confidentialityRate}
                value={a.signingRates.confidentialityRate ?? '—'}
                suffix={a.signingRates.confidentialityRate === null ? undefined : '%'}
              />
            </Col>
            <Col span={6}>
              <Statistic
                title={t.nonCompeteRate}
                value={a.signingRates.nonCompeteRate ?? '—'}
                suffix={a.signingRates.nonCompeteRate === null ? undefined : '%'}
              />
            </Col>
            <Col span={6}>
              <Link to="/secrets?status=draft">
                <Statistic title={t.confirm} value={a.draftsToConfirm} />
              </Link>
            </Col>
          </Row>
          {items.length === 0 ? (
            <Empty description={t.allClear} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            items.map((group) => (
              <List
                key={group.key}
                size="small"
                header={<Typography.Text strong>{group.title}</Typography.Text>}
                dataSource={group.lines}
                renderItem={(line) => (
                  <List.Item>
                    <Link to={line.to}>{line.text}</Link>
                    {line.tag ? <Tag color="red">{line.tag}</Tag> : null}
                  </List.Item>
                )}
              />
            ))
          )}
        </>
      ) : null}
    </Card>
  );
}
