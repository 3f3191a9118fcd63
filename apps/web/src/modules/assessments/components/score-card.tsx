import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Card, Col, Divider, Flex, Progress, Row, Statistic, Typography } from 'antd';
import type { AssessmentScore } from '../../../api/types';
import { formatScore } from '../../../ui/format';
import { useAssessmentMessages } from '../messages';

export interface ScoreCardProps {
  score: AssessmentScore;
}

/** The live score: weighted score against the pass score, mandatory gaps, progress, and why not certifiable. */
export function ScoreCard({ score }: ScoreCardProps) {
  const t = useAssessmentMessages();
  const reasons: string[] = [];
  if (score.answered < score.total) {
    reasons.push(t.reasonUnanswered(score.total - score.answered));
  }
  if (score.mandatoryUnmet > 0) {
    reasons.push(t.reasonMandatory(score.mandatoryUnmet));
  }
  if (score.scoreBp < score.passScoreBp) {
    reasons.push(t.reasonScore(formatScore(score.scoreBp), formatScore(score.passScoreBp)));
  }
  const certifiable = reasons.length === 0;
  return (
    <Card title={t.scoreCard} data-testid="score-card">
      <Flex align="center" gap={16}>
        <Progress
          type="dashboard"
          size={110}
          percent={Math.round(score.scoreBp / 100)}
          format={() => formatScore(score.scoreBp)}
          strokeColor={score.scoreBp >= score.passScoreBp ? '#389e0d' : '#fa8c16'}
          aria-label={t.score}
        />
        <Typography.Text type="secondary">{t.passScore(formatScore(score.passScoreBp))}</Typography.Text>
      </Flex>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col span={12}>
          <Statistic
            title={t.answered}
            value={score.answered}
            suffix={`/ ${score.total}`}
            data-testid="score-answered"
          />
        </Col>
        <Col span={12}>
          <Statistic
            title={t.mandatoryUnmet}
            value={score.mandatoryUnmet}
            styles={{ content: { color: score.mandatoryUnmet > 0 ? '#cf1322' : undefined } }}
          />
        </Col>
      </Row>
      <Divider style={{ margin: '12px 0' }} />
      {certifiable ? (
        <Typography.Text type="success" data-testid="certifiable">
          <CheckCircleFilled /> {t.certifiable}
        </Typography.Text>
      ) : (
        <div data-testid="not-certifiable">
          <Typography.Text type="warning">
            <ExclamationCircleFilled /> {t.notCertifiable}
          </Typography.Text>
          <ul style={{ margin: '6px 0 0', paddingLeft: 20, color: '#595959' }}>
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
