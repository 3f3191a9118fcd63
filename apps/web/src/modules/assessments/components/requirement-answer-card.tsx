import { ASSESSMENT_ANSWERS } from '@shangmi/shared';
import { Alert, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import type { AssessmentEvidence, EffectiveRequirement, ReviewItem } from '../../../api/types';
import { useConformanceLabels } from '../../../i18n/conformance-labels';
import { RequirementTags } from '../../frameworks';
import type { AnswerDraft } from '../hooks/draft-storage';
import type { RequirementSaveState } from '../hooks/use-answer-autosave';
import { useAssessmentMessages } from '../messages';
import { EvidencePanel } from './evidence-panel';
import { SaveStateIndicator } from './save-state';

export interface RequirementAnswerCardProps {
  assessmentId: string;
  requirement: EffectiveRequirement;
  value: AnswerDraft;
  saveState: RequirementSaveState;
  editable: boolean;
  review: ReviewItem | undefined;
  evidence: AssessmentEvidence[];
  onChange: (patch: Partial<AnswerDraft>) => void;
  onRetry: () => void;
}

/** One requirement of a self-assessment: the answer, a reason for 不适用, notes and evidence. */
export function RequirementAnswerCard({
  assessmentId,
  requirement,
  value,
  saveState,
  editable,
  review,
  evidence,
  onChange,
  onRetry,
}: RequirementAnswerCardProps) {
  const t = useAssessmentMessages();
  const labels = useConformanceLabels();
  const returned = review?.decision === 'return';
  const reasonMissing = value.answer === 'na' && value.naReason.trim() === '';
  return (
    <Card
      size="small"
      data-testid={`answer-${requirement.code}`}
      style={{ marginBottom: 12, borderColor: returned ? '#fa8c16' : undefined }}
      title={
        <Flex gap={8} align="baseline" wrap style={{ whiteSpace: 'normal', padding: '6px 0' }}>
          <Typography.Text code>{requirement.code}</Typography.Text>
          <Typography.Text strong style={{ flex: 1, minWidth: 240 }}>
            {requirement.text}
          </Typography.Text>
        </Flex>
      }
      extra={<SaveStateIndicator value={saveState} onRetry={onRetry} />}
    >
      <Flex vertical gap={8}>
        <RequirementTags
          mandatory={requirement.mandatory}
          weight={requirement.weight}
          industries={[]}
          source={requirement.source}
        />
        {requirement.guidance ? (
          <Typography.Text type="secondary">
            {t.guidance}：{requirement.guidance}
          </Typography.Text>
        ) : null}
        {requirement.evidence ? (
          <Typography.Text type="secondary">
            {t.evidenceExpected}：{requirement.evidence}
          </Typography.Text>
        ) : null}
        {returned ? (
          <Alert
            type="warning"
            showIcon
            title={`${t.reviewerComment}（${t.roundN(review.round)}）`}
            description={review.comment}
            data-testid="reviewer-comment"
          />
        ) : null}
        <Form layout="vertical" component="div" disabled={!editable}>
          <Form.Item label={t.answer} style={{ marginBottom: 8 }}>
            <Radio.Group
              aria-label={`${requirement.code} ${t.answer}`}
              value={value.answer ?? undefined}
              onChange={(event) => {
                const answer = ASSESSMENT_ANSWERS.find((candidate) => candidate === event.target.value);
                if (answer) {
                  onChange({ answer });
                }
              }}
              optionType="button"
              buttonStyle="solid"
              options={ASSESSMENT_ANSWERS.map((answer) => ({ value: answer, label: labels.answer(answer) }))}
            />
          </Form.Item>
          {value.answer === 'na' ? (
            <Form.Item
              label={t.naReason}
              required
              validateStatus={reasonMissing ? 'warning' : undefined}
              help={reasonMissing ? t.naReasonRequired : undefined}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea
                aria-label={`${requirement.code} ${t.naReason}`}
                value={value.naReason}
                placeholder={t.naReasonPlaceholder}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={1000}
                onChange={(event) => onChange({ naReason: event.target.value })}
              />
            </Form.Item>
          ) : null}
          <Form.Item label={t.notes} style={{ marginBottom: 8 }}>
            <Input.TextArea
              aria-label={`${requirement.code} ${t.notes}`}
              value={value.notes}
              placeholder={editable ? t.notesPlaceholder : undefined}
              autoSize={{ minRows: 1, maxRows: 6 }}
              maxLength={4000}
              onChange={(event) => onChange({ notes: event.target.value })}
            />
          </Form.Item>
        </Form>
        <div>
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            {t.evidence}
          </Typography.Text>
          <EvidencePanel
            assessmentId={assessmentId}
            requirementCode={requirement.code}
            items={evidence}
            editable={editable}
          />
        </div>
      </Flex>
    </Card>
  );
}
