import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Text, makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { Finding } from '../../core';
import { groupFindings } from '../model';

const PAGE = 50;

const useStyles = makeStyles({
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    padding: '4px 6px',
    ...shorthands.borderStyle('none'),
    ...shorthands.borderBottom('1px', 'solid', tokens.colorNeutralStroke2),
    background: 'transparent',
    cursor: 'pointer',
    fontSize: tokens.fontSizeBase200,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  cell: { fontWeight: tokens.fontWeightSemibold, marginRight: '6px' },
  unit: { color: tokens.colorNeutralForeground3, marginRight: '6px' },
  header: { display: 'flex', columnGap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  notRun: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

function Group({ findings, onSelect, selectable }: { findings: Finding[]; onSelect?: (f: Finding) => void; selectable: boolean }): React.JSX.Element {
  const s = useStyles();
  const [shown, setShown] = React.useState(PAGE);
  return (
    <div>
      {findings.slice(0, shown).map((f, i) => (
        <button
          type="button"
          key={`${f.cell ?? 'sheet'}-${i}`}
          className={s.item}
          title={selectable ? '点击定位到这个单元格' : (f.suggestion ?? '')}
          onClick={() => onSelect?.(f)}
          data-cell={f.cell ?? ''}
        >
          <span className={s.cell}>{f.cell ?? '（整表）'}</span>
          {f.unit && <span className={s.unit}>{f.unit}</span>}
          <span>{f.message}</span>
          {f.suggestion && <span className={s.unit}> → {f.suggestion}</span>}
        </button>
      ))}
      {findings.length > shown && (
        <Button size="small" appearance="subtle" onClick={() => setShown(shown + PAGE * 4)}>
          还有 {findings.length - shown} 条，显示更多
        </Button>
      )}
    </div>
  );
}

/** Findings grouped by rule with counts; a click on one hands it to onSelect (Excel selects its cell). */
export function Findings({
  findings,
  notRun,
  onSelect,
  selectable,
}: {
  findings: Finding[];
  notRun: Array<{ rule: string; reason: string }>;
  onSelect?: (f: Finding) => void;
  selectable: boolean;
}): React.JSX.Element {
  const s = useStyles();
  const groups = groupFindings(findings);
  return (
    <div aria-label="问题清单">
      <Accordion multiple collapsible>
        {groups.map((g) => (
          <AccordionItem key={g.rule} value={g.rule}>
            <AccordionHeader size="small">
              <span className={s.header}>
                <Badge color={g.severity === '错误' ? 'danger' : 'warning'} appearance="tint">
                  {g.severity}
                </Badge>
                <span>{g.title}</span>
                <Badge appearance="outline" aria-label={`${g.findings.length} 条`}>
                  {g.findings.length}
                </Badge>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <Group findings={g.findings} onSelect={onSelect} selectable={selectable} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {notRun.map((n) => (
        <Text key={n.rule} className={s.notRun}>
          未进行：{n.rule}（{n.reason}）
        </Text>
      ))}
    </div>
  );
}
