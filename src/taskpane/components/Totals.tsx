import * as React from 'react';
import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TotalsView } from '../../core';

const useStyles = makeStyles({
  card: { padding: '8px 10px', rowGap: '4px' },
  line: { display: 'block', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  meta: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
});

/**
 * The totals in the circular's terms, counted from the ledger, with rates and their denominators (where: what was read,
 * when it is not one sheet — several workbooks combined). items: the circular's count (an item on several rows counts
 * once); the rows are said beside it when they are more. It takes focus
 * after a ledger is opened (tabIndex -1), so the next thing read is the result.
 */
export const Totals = React.forwardRef<HTMLDivElement, { totals: TotalsView; items: number; source: string; where?: string }>(function Totals({ totals: t, items, source, where }, ref) {
  const s = useStyles();
  return (
    <Card className={s.card} aria-label="办理总数" role="region" ref={ref} tabIndex={-1}>
      <Text className={s.meta}>
        {source}：{where ?? `工作表“${t.sheet}”，表头第 ${t.headerRow} 行`}，{items} 件{t.items !== items ? `（${t.items} 行）` : ''}
        {t.units !== null ? `；承办单位名单 ${t.units} 个` : '；没有承办单位名单'}
      </Text>
      {t.totalsLines.map((line) => (
        <Text key={line.slice(0, 6)} className={s.line}>
          {line}
        </Text>
      ))}
      {t.reception && <Text className={s.line}>{t.reception}</Text>}
      <Text className={s.line} weight="semibold">
        {t.headline}
      </Text>
    </Card>
  );
});
