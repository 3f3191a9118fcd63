import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Collapse, Empty, Flex, Row, Segmented, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useAuth } from '../../../app/auth';
import type { Assessment, EffectiveRequirement } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { errorMessage } from '../../../ui/error-result';
import { formatScore } from '../../../ui/format';
import { downloadGaps, useSubmitAssessment } from '../hooks/use-assessments';
import { useAnswerAutosave } from '../hooks/use-answer-autosave';
import { useAssessmentMessages } from '../messages';
import { GapTable } from './gap-table';
import { RequirementAnswerCard } from './requirement-answer-card';
import { RoundsTable } from './rounds-table';
import { ScoreCard } from './score-card';

type Filter = 'all' | 'unanswered' | 'returned' | 'gaps';

interface ChapterGroup {
  code: string;
  title: string;
  clauses: { code: string; title: string; requirements: EffectiveRequirement[] }[];
}

function groupByChapter(requirements: readonly EffectiveRequirement[]): ChapterGroup[] {
  const chapters: ChapterGroup[] = [];
  for (const requirement of requirements) {
    const chapterKey = `${requirement.source}:${requirement.chapterCode}`;
    let chapter = chapters.find((candidate) => candidate.code === chapterKey);
    if (!chapter) {
      chapter = { code: chapterKey, title: `${requirement.chapterCode} ${requirement.chapterTitle}`, clauses: [] };
      chapters.push(chapter);
    }
    let clause = chapter.clauses.find((candidate) => candidate.code === requirement.clauseCode);
    if (!clause) {
      clause = {
        code: requirement.clauseCode,
        title: `${requirement.clauseCode} ${requirement.clauseTitle}`,
        requirements: [],
      };
      chapter.clauses.push(clause);
    }
    clause.requirements.push(requirement);
  }
  return chapters;
}

export interface AssessmentWorkspaceProps {
  assessment: Assessment;
}

/** The self-assessment form: requirements by chapter with autosave, the live score, gaps and rounds. */
export function AssessmentWorkspace({ assessment }: AssessmentWorkspaceProps) {
  const t = useAssessmentMessages();
  const common = useCommonMessages();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const submit = useSubmitAssessment(assessment.id);
  const [filter, setFilter] = useState<Filter>('all');
  const [exporting, setExporting] = useState(false);
  const writable = can('assessment:write') && assessment.editable;
  const editableCodes = useMemo(() => new Set(assessment.editableCodes), [assessment.editableCodes]);
  const canEdit = useCallback((code: string) => writable && editableCodes.has(code), [writable, editableCodes]);
  const autosave = useAnswerAutosave(assessment, canEdit);

  const returnedCodes = useMemo(
    () =>
      assessment.status === 'returned'
        ? Object.entries(assessment.review)
            .filter(([, item]) => item.decision === 'return')
            .map(([code]) => code)
        : [],
    [assessment.review, assessment.status],
  );
  const gapCodes = useMemo(() => new Set(assessment.score.gaps.map((gap) => gap.code)), [assessment.score.gaps]);

  const matchesFilter = (requirement: EffectiveRequirement, which: Filter): boolean => {
    const value = autosave.valueOf(requirement.code);
    switch (which) {
      case 'all':
        return true;
      case 'unanswered':
        return value.answer === null;
      case 'returned':
        return returnedCodes.includes(requirement.code);
      case 'gaps':
        return value.answer === 'partial' || value.answer === 'nonconform' || gapCodes.has(requirement.code);
    }
  };
  // A filter picks its requirements when chosen: answering one does not make its card vanish mid-edit.
  const [shown, setShown] = useState<Set<string> | null>(null);
  const applyFilter = (next: Filter) => {
    setFilter(next);
    setShown(
      next === 'all' ? null : new Set(assessment.requirements.filter((r) => matchesFilter(r, next)).map((r) => r.code)),
    );
  };
  const visible = shown ? assessment.requirements.filter((r) => shown.has(r.code)) : assessment.requirements;
  const chapters = groupByChapter(visible);
  const defaultOpen = chapters
    .filter(
      (chapter, index) =>
        index === 0 ||
        chapter.clauses.some((clause) => clause.requirements.some((r) => returnedCodes.includes(r.code))),
    )
    .map((chapter) => chapter.code);
  const [open, setOpen] = useState<string[]>(defaultOpen);
  const activeKeys = filter === 'all' ? open : chapters.map((chapter) => chapter.code);

  const onExport = async () => {
    setExporting(true);
    try {
      void message.success(t.exported(await downloadGaps(assessment.id)));
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    } finally {
      setExporting(false);
    }
  };

  const onSubmit = () => {
    const score = assessment.score;
    if (autosave.unsavedCodes.length > 0) {
      void message.warning(t.submitPendingSaves);
      return;
    }
    if (score.answered < score.total) {
      void message.warning(t.submitUnanswered(score.total - score.answered));
      applyFilter('unanswered');
      return;
    }
    modal.confirm({
      title: t.submitTitle,
      content: t.submitConfirm(score.answered, score.total, formatScore(score.scoreBp)),
      okText: assessment.status === 'returned' ? t.resubmit : t.submit,
      cancelText: common.cancel,
      onOk: async () => {
        try {
          await submit.mutateAsync();
          void message.success(t.submitted);
        } catch (error) {
          void message.error(errorMessage(error, common.networkError));
        }
      },
    });
  };

  const fillTab = (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<Filter>
          value={filter}
          onChange={applyFilter}
          data-testid="answer-filter"
          options={[
            { value: 'all', label: t.filterAll },
            { value: 'unanswered', label: t.filterUnanswered },
            ...(returnedCodes.length > 0 ? [{ value: 'returned' as const, label: t.filterReturned }] : []),
            { value: 'gaps', label: t.filterGaps },
          ]}
        />
        <Typography.Text type="secondary">
          {t.answered} {assessment.score.answered}/{assessment.score.total}
        </Typography.Text>
      </Flex>
      {chapters.length === 0 ? (
        <Empty />
      ) : (
        <Collapse
          activeKey={activeKeys}
          onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
          items={chapters.map((chapter) => {
            const all = chapter.clauses.flatMap((clause) => clause.requirements);
            const answered = all.filter((r) => autosave.valueOf(r.code).answer !== null).length;
            return {
              key: chapter.code,
              label: <Typography.Text strong>{chapter.title}</Typography.Text>,
              extra: (
                <Typography.Text type={answered === all.length ? 'success' : 'secondary'}>
                  {answered}/{all.length}
                </Typography.Text>
              ),
              children: chapter.clauses.map((clause) => (
                <div key={clause.code}>
                  <Typography.Title level={5} style={{ margin: '4px 0 10px', color: '#1f4e9c' }}>
                    {clause.title}
                  </Typography.Title>
                  {clause.requirements.map((requirement) => (
                    <RequirementAnswerCard
                      key={requirement.code}
                      assessmentId={assessment.id}
                      requirement={requirement}
                      value={autosave.valueOf(requirement.code)}
                      saveState={autosave.stateOf(requirement.code)}
                      editable={canEdit(requirement.code)}
                      review={assessment.review[requirement.code]}
                      evidence={assessment.evidence[requirement.code] ?? []}
                      onChange={(patch) => autosave.change(requirement.code, patch)}
                      onRetry={() => autosave.retry(requirement.code)}
                    />
                  ))}
                </div>
              )),
            };
          })}
        />
      )}
    </>
  );

  return (
    <>
      {autosave.restored.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="restored-drafts"
          title={t.restoredTitle(autosave.restored.length)}
          description={`${t.restoredHint}（${autosave.restored.map((draft) => draft.code).join('、')}）`}
          action={
            <Flex vertical gap={6}>
              <Button size="small" type="primary" onClick={autosave.retryAll}>
                {t.retryAll}
              </Button>
              <Button
                size="small"
                danger
                onClick={() =>
                  modal.confirm({
                    title: t.discard,
                    content: t.discardConfirm,
                    okButtonProps: { danger: true },
                    okText: t.discard,
                    cancelText: common.cancel,
                    onOk: autosave.discardRestored,
                  })
                }
              >
                {t.discard}
              </Button>
            </Flex>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {autosave.failedCodes.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t.failedBanner(autosave.failedCodes.length)}
          action={
            <Button size="small" onClick={autosave.retryAll}>
              {t.retryAll}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {assessment.status === 'returned' && returnedCodes.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t.returnedBanner(returnedCodes.length)}
          description={assessment.rounds.at(-1)?.comment ?? undefined}
          style={{ marginBottom: 16 }}
          data-testid="returned-banner"
        />
      ) : null}
      {assessment.status === 'submitted' ? (
        <Alert type="info" showIcon title={t.lockedSubmitted} style={{ marginBottom: 16 }} data-testid="locked" />
      ) : null}
      {assessment.status === 'accepted' ? (
        <Alert type="success" showIcon title={t.lockedAccepted} style={{ marginBottom: 16 }} />
      ) : null}
      {assessment.editable && !can('assessment:submit') && can('assessment:write') ? (
        <Alert type="info" title={t.readOnlyHint} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card>
            <Tabs
              items={[
                { key: 'fill', label: t.tabFill, children: fillTab },
                {
                  key: 'gaps',
                  label: `${t.tabGaps}（${assessment.score.gaps.length}）`,
                  children: (
                    <>
                      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
                        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
                          {t.downloadGaps}
                        </Button>
                      </Flex>
                      <GapTable gaps={assessment.score.gaps} />
                    </>
                  ),
                },
                { key: 'rounds', label: t.tabRounds, children: <RoundsTable rounds={assessment.rounds} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <div style={{ position: 'sticky', top: 16 }}>
            <ScoreCard score={assessment.score} />
            {can('assessment:submit') && assessment.submittable ? (
              <Button
                type="primary"
                size="large"
                block
                icon={<SendOutlined />}
                style={{ marginTop: 16 }}
                loading={submit.isPending}
                onClick={onSubmit}
              >
                {assessment.status === 'returned' ? t.resubmit : t.submit}
              </Button>
            ) : null}
          </div>
        </Col>
      </Row>
    </>
  );
}
