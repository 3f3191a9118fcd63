import { Collapse, Empty, Flex, Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { FrameworkContent, Requirement } from '../../../api/types';
import { useFrameworkMessages } from '../messages';
import { RequirementTags } from './requirement-tags';

interface RequirementItemProps {
  requirement: Requirement;
}

function RequirementItem({ requirement }: RequirementItemProps) {
  const t = useFrameworkMessages();
  return (
    <div
      data-testid={`requirement-${requirement.code}`}
      style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <Flex gap={12} align="baseline" wrap>
        <Typography.Text code>{requirement.code}</Typography.Text>
        <Typography.Text strong style={{ flex: 1, minWidth: 240 }}>
          {requirement.text}
        </Typography.Text>
        <RequirementTags
          mandatory={requirement.mandatory}
          weight={requirement.weight}
          industries={requirement.industries}
        />
      </Flex>
      {requirement.guidance ? (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', paddingLeft: 4 }}>
          {t.guidance}：{requirement.guidance}
        </Typography.Paragraph>
      ) : null}
      {requirement.evidence ? (
        <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', paddingLeft: 4 }}>
          {t.evidence}：{requirement.evidence}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

function matches(requirement: Requirement, query: string): boolean {
  return requirement.code.toLowerCase().includes(query) || requirement.text.toLowerCase().includes(query);
}

export interface RequirementTreeProps {
  content: FrameworkContent;
}

/** The version's chapters → clauses → requirements, one collapsible panel per chapter, with a search. */
export function RequirementTree({ content }: RequirementTreeProps) {
  const t = useFrameworkMessages();
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const chapters = useMemo(
    () =>
      content.chapters
        .map((chapter) => ({
          ...chapter,
          clauses: chapter.clauses
            .map((clause) => ({
              ...clause,
              requirements: needle ? clause.requirements.filter((r) => matches(r, needle)) : clause.requirements,
            }))
            .filter((clause) => clause.requirements.length > 0 || !needle),
        }))
        .filter((chapter) => chapter.clauses.length > 0 || !needle),
    [content, needle],
  );
  const allKeys = chapters.map((chapter) => chapter.code);
  const [open, setOpen] = useState<string[]>(allKeys.slice(0, 1));
  const activeKeys = needle ? allKeys : open;

  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          placeholder={t.searchRequirements}
          aria-label={t.searchRequirements}
          onChange={(event) => setQuery(event.target.value)}
          style={{ maxWidth: 320 }}
        />
        <Typography.Link onClick={() => setOpen(allKeys)}>{t.expandAll}</Typography.Link>
        <Typography.Link onClick={() => setOpen([])}>{t.collapseAll}</Typography.Link>
      </Flex>
      {chapters.length === 0 ? (
        <Empty />
      ) : (
        <Collapse
          activeKey={activeKeys}
          onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
          data-testid="requirement-tree"
          items={chapters.map((chapter) => {
            const count = chapter.clauses.reduce((sum, clause) => sum + clause.requirements.length, 0);
            return {
              key: chapter.code,
              label: (
                <Typography.Text strong>
                  {chapter.code} {chapter.title}
                </Typography.Text>
              ),
              extra: <Typography.Text type="secondary">{count}</Typography.Text>,
              children: chapter.clauses.map((clause) => (
                <div key={clause.code} style={{ marginBottom: 12 }}>
                  <Typography.Title level={5} style={{ margin: '4px 0', color: '#1f4e9c' }}>
                    {clause.code} {clause.title}
                  </Typography.Title>
                  {clause.requirements.map((requirement) => (
                    <RequirementItem key={requirement.code} requirement={requirement} />
                  ))}
                </div>
              )),
            };
          })}
        />
      )}
    </>
  );
}
