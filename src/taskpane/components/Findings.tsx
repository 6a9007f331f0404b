import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import { Finding, RowDetail, RuleNotRun, ruleTitle } from '../../core';
import { FindingFilter, filterFindings, filterOptions, groupFindings } from '../model';

const PAGE = 50;

const useStyles = makeStyles({
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    padding: '6px',
    ...shorthands.borderStyle('none'),
    ...shorthands.borderBottom('1px', 'solid', tokens.colorNeutralStroke2),
    background: 'transparent',
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  cell: { fontWeight: tokens.fontWeightSemibold, marginRight: '6px' },
  unit: { color: tokens.colorNeutralForeground2, marginRight: '6px' },
  header: { display: 'flex', columnGap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  notRun: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(140px, 100%), 1fr))', gap: '6px', marginBottom: '6px' },
  filter: { minWidth: 0, '& > span, & select, & input': { width: '100%', minWidth: 0, maxWidth: '100%' } },
  /** The search box a whole row wide in a narrow pane, so its hint is not cut off. */
  search: { '@media (max-width: 480px)': { gridColumn: '1 / -1' } },
  detail: {
    ...shorthands.padding('6px', '8px'),
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase300,
    overflowWrap: 'anywhere',
  },
  /** Headers at most 40 % wide (they wrap); at 200 % zoom on 320 px each header above its value, the value a whole line. */
  dl: {
    display: 'grid',
    gridTemplateColumns: 'fit-content(40%) 1fr',
    columnGap: '8px',
    rowGap: '2px',
    margin: '6px 0 0',
    '@media (max-width: 240px)': { gridTemplateColumns: '1fr', '& > dd': { marginBottom: '4px' } },
  },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, fontWeight: tokens.fontWeightSemibold },
  /** A date moves to the next line whole; only one wider than the whole line (200 % zoom on 320 px) breaks inside. */
  date: { display: 'inline-block', maxWidth: '100%' },
});

/** A day as findings write it: 2021-07-12, 2021/7/12, 2021年7月12日 (with its time when it has one). */
const DATE = /\d{4}(?:-\d{1,2}-\d{1,2}|\/\d{1,2}\/\d{1,2}|年\d{1,2}月\d{1,2}日)(?: \d{1,2}:\d{2})?/g;

/** Text with its dates kept whole (a narrow pane breaks between words, not inside 2021-07-12, where the line has room). */
export function WithDates({ text }: { text: string }): React.JSX.Element {
  const s = useStyles();
  const parts: React.ReactNode[] = [];
  let at = 0;
  const re = new RegExp(DATE.source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const i = m.index;
    if (i > at) parts.push(text.slice(at, i));
    parts.push(
      <span key={i} className={s.date}>
        {m[0]}
      </span>,
    );
    at = i + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** The item's whole row (every column), the finding and the fix: what a clerk needs to correct it. */
function Detail({ finding, load, id }: { finding: Finding; load: (f: Finding) => Promise<RowDetail>; id: string }): React.JSX.Element {
  const s = useStyles();
  const [row, setRow] = React.useState<RowDetail | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    load(finding).then(
      (r) => live && setRow(r),
      (e) => live && setError(String((e as Error)?.message ?? e)),
    );
    return () => {
      live = false;
    };
  }, [finding, load]);
  const own = finding.cell ? finding.cell.slice(finding.cell.lastIndexOf('!') + 1) : '';
  return (
    <div id={id} className={s.detail} role="region" aria-label={`第 ${finding.row} 行`}>
      <div>
        <strong>问题：</strong>
        <WithDates text={finding.message} />
      </div>
      {finding.suggestion && (
        <div>
          <strong>怎么改：</strong>
          <WithDates text={finding.suggestion} />
        </div>
      )}
      {error && <div>{error}</div>}
      {!row && !error && <div>正在取出这一行…</div>}
      {row && (
        <dl className={s.dl} aria-label={`工作表“${row.sheet}”第 ${row.row} 行的各列`}>
          {row.cells.map((c) => (
            <React.Fragment key={c.cell}>
              <dt className={s.dt}>{c.header}</dt>
              <dd className={c.cell === own ? `${s.dd} ${s.mark}` : s.dd}>
                {c.value ? <WithDates text={c.value} /> : '（空）'}
                {c.cell === own ? '（这一格）' : ''}
              </dd>
            </React.Fragment>
          ))}
        </dl>
      )}
    </div>
  );
}

function Group({
  findings,
  onSelect,
  detail,
}: {
  findings: Finding[];
  onSelect?: (f: Finding) => void;
  detail?: (f: Finding) => Promise<RowDetail>;
}): React.JSX.Element {
  const s = useStyles();
  const [shown, setShown] = React.useState(PAGE);
  const [open, setOpen] = React.useState<Finding | null>(null);
  const base = React.useId();
  return (
    <div>
      {findings.slice(0, shown).map((f, i) => {
        const expanded = open === f;
        const id = `${base}-${i}`;
        return (
          <React.Fragment key={`${f.cell ?? 'sheet'}-${i}`}>
            <button
              type="button"
              className={s.item}
              title={onSelect ? '点击定位到这个单元格' : f.row ? '点击查看这一行' : undefined}
              onClick={() => (onSelect ? onSelect(f) : f.row && setOpen(expanded ? null : f))}
              aria-expanded={detail && f.row ? expanded : undefined}
              aria-controls={detail && expanded ? id : undefined}
              data-cell={f.cell ?? ''}
            >
              <span className={s.cell}>{f.cell ?? '（整表）'}</span>
              {f.unit && <span className={s.unit}>{f.unit}</span>}
              <span>
                <WithDates text={f.message} />
              </span>
              {f.suggestion && (
                <span className={s.unit}>
                  {' → '}
                  <WithDates text={f.suggestion} />
                </span>
              )}
            </button>
            {expanded && detail && <Detail finding={f} load={detail} id={id} />}
          </React.Fragment>
        );
      })}
      {findings.length > shown && (
        <Button size="small" appearance="subtle" onClick={() => setShown(shown + PAGE * 4)}>
          还有 {findings.length - shown} 条，显示更多
        </Button>
      )}
    </div>
  );
}

const ALL = '';

/**
 * Findings a clerk can work through: filter by unit, rule and severity (each choice with its count), search, then
 * grouped by rule. A click hands a finding to onSelect (Excel selects its cell) or opens its row (detail).
 */
export function Findings({
  findings,
  notRun,
  onSelect,
  detail,
}: {
  findings: Finding[];
  notRun: RuleNotRun[];
  onSelect?: (f: Finding) => void;
  detail?: (f: Finding) => Promise<RowDetail>;
}): React.JSX.Element {
  const s = useStyles();
  const [filter, setFilter] = React.useState<FindingFilter>({ severity: ALL, rule: ALL, unit: ALL, search: '' });
  const [search, setSearch] = React.useState('');
  // The search applies a moment after typing stops, so a large list does not re-filter on every key.
  React.useEffect(() => {
    const t = setTimeout(() => React.startTransition(() => setFilter((f) => (f.search === search ? f : { ...f, search }))), 200);
    return () => clearTimeout(t);
  }, [search]);
  const shown = React.useMemo(() => filterFindings(findings, filter), [findings, filter]);
  const options = React.useMemo(() => filterOptions(findings, filter), [findings, filter]);
  const groups = groupFindings(shown);
  const set = (k: keyof FindingFilter) => (_: unknown, d: { value: string }) => React.startTransition(() => setFilter({ ...filter, [k]: d.value }));
  const narrowed = shown.length !== findings.length;
  return (
    <section aria-label="问题清单">
      {findings.length > 0 && (
        <div className={s.filters} role="search" aria-label="筛选问题">
          <Field label="严重程度" size="small" className={s.filter}>
            <Select size="small" value={filter.severity} onChange={set('severity')}>
              <option value={ALL}>全部（{options.severityTotal}）</option>
              {options.severity.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}（{o.count}）
                </option>
              ))}
            </Select>
          </Field>
          <Field label="问题类型" size="small" className={s.filter}>
            <Select size="small" value={filter.rule} onChange={set('rule')}>
              <option value={ALL}>全部（{options.ruleTotal}）</option>
              {options.rule.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}（{o.count}）
                </option>
              ))}
            </Select>
          </Field>
          <Field label="承办单位" size="small" className={s.filter}>
            <Select size="small" value={filter.unit} onChange={set('unit')}>
              <option value={ALL}>全部（{options.unitTotal}）</option>
              {options.unit.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}（{o.count}）
                </option>
              ))}
            </Select>
          </Field>
          <Field label="搜索" size="small" className={mergeClasses(s.filter, s.search)}>
            <Input size="small" type="search" value={search} onChange={(_, d) => setSearch(d.value)} placeholder="编号、单元格、单位或文字" />
          </Field>
        </div>
      )}
      {findings.length > 0 && (
        <Text as="p" block aria-live="polite" data-testid="findings-count" style={{ margin: '0 0 4px' }}>
          {narrowed ? `显示 ${shown.length} 条（共 ${findings.length} 条）` : `共 ${findings.length} 条`}
        </Text>
      )}
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
              <Group findings={g.findings} onSelect={onSelect} detail={detail} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {findings.length > 0 && groups.length === 0 && <Text block>没有符合筛选条件的问题。</Text>}
      {notRun.map((n) => (
        <Text key={n.rule} className={s.notRun}>
          未检查“{ruleTitle(n.rule)}”：{n.reason}
        </Text>
      ))}
    </section>
  );
}
