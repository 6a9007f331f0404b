import * as React from 'react';
import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Analysis, findingsHeadline, receptionLine, totalsLines } from '../../core';

const useStyles = makeStyles({
  card: { padding: '8px 10px', rowGap: '4px' },
  line: { display: 'block', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase300 },
  meta: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** The totals in the circular's terms, counted from the ledger, with rates and their denominators. */
export function Totals({ analysis, source }: { analysis: Analysis; source: string }): React.JSX.Element {
  const s = useStyles();
  const l = analysis.ledger;
  const rec = receptionLine(analysis);
  return (
    <Card className={s.card} aria-label="办理总数">
      <Text className={s.meta}>
        {source}：工作表“{l.sheet}”，表头第 {l.headerRow} 行，{l.items.length} 件
        {l.units ? `；承办单位名单 ${l.units.units.length} 个` : '；没有承办单位名单'}
      </Text>
      {totalsLines(analysis.totals).map((line) => (
        <Text key={line.slice(0, 6)} className={s.line}>
          {line}
        </Text>
      ))}
      {rec && <Text className={s.line}>{rec}</Text>}
      <Text className={s.line} weight="semibold">
        {findingsHeadline(analysis)}
      </Text>
    </Card>
  );
}
