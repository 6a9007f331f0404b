/**
 * 设置: the settings of banli.config.json as a form — 本级, 来源, 办理时限, 最长延期, 答复类别, 表头, 必备列, 催办提前天数,
 * 表扬单位 — with 恢复默认 and 导入 banli.config.json. Every change is checked at once by the same validator and
 * messages as the command line; a problem shows at its field, and 保存 is refused until there is none, so the check
 * keeps the last valid settings. Where the settings are kept (the workbook, the browser) is the pane's business.
 */
import * as React from 'react';
import { Button, Checkbox, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ConfigFile } from '../../core';
import { COLUMN_LABELS, PairRow, SectionKey, SettingsDraft, SourceRow, defaultSettings, draftFrom, fileFromDraft, sameSettings, sectionOf } from '../../config/form';
import { parseConfigText } from '../../config/validate';
import { ClerkIssue, clerkIssue, clerkWords, goodMonths } from '../settingsWords';
import { Notice, StatusMessage } from './CheckControls';
import { useLayout } from './Layout';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: '6px', padding: '8px 0', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  rows: { display: 'flex', flexDirection: 'column', rowGap: '6px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'flex-end' },
  grow: { flex: '1 1 120px', minWidth: 0 },
  narrow: { flex: '0 1 100px', minWidth: 0 },
  /** A field on its own line (in the section's column): no wider than its content needs. */
  single: { maxWidth: '260px', minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1, margin: 0 },
  /** Inputs shrink with the pane (320 px, 200 % zoom) instead of keeping their default width. */
  control: { minWidth: 0, maxWidth: '100%', width: '100%', boxSizing: 'border-box' },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: '2px 8px' },
});

const TITLES: Record<SectionKey, string> = {
  officeLevel: '本级',
  sources: '来源',
  deadlineMonths: '办理时限',
  maxExtensionMonths: '最长延期',
  categories: '答复类别',
  headers: '表头',
  columns: '列对应',
  requiredColumns: '必备列',
  dueSoonDays: '催办提前天数',
  praisedUnits: '表扬单位',
};

/** A group of rows (or checkboxes) with its heading, hint and problems (the problems describe the group). */
function Section({ k, idBase, hint, errors, children }: { k: SectionKey; idBase: string; hint: string; errors: ClerkIssue[]; children: React.ReactNode }): React.JSX.Element {
  const s = useStyles();
  const l = useLayout();
  const errorId = `${idBase}-${k}-error`;
  return (
    <section className={s.section} role="group" aria-labelledby={`${idBase}-${k}`} aria-describedby={errors.length ? errorId : undefined} data-section={k}>
      <h2 id={`${idBase}-${k}`} className={s.heading}>
        {TITLES[k]}
      </h2>
      <Text as="p" block className={l.muted}>
        {hint}
      </Text>
      {children}
      {errors.length > 0 && (
        <p id={errorId} className={s.error} data-testid={`settings-error-${k}`}>
          {errors.map((i) => i.text).join(' ')}
        </p>
      )}
    </section>
  );
}

export interface SettingsViewProps {
  /** The settings in force (what the check uses). */
  value: ConfigFile;
  /** Keeps the settings; resolves to what to tell the clerk, rejects with a message in Chinese. */
  onSave(file: ConfigFile): Promise<string>;
  saveLabel: string;
  /** Where the settings are kept, in the clerk's words. */
  where: string;
  /** A problem with the settings that were stored (they were not used). */
  storedProblem?: string | null;
  /** More buttons (the page's 下载 banli.config.json), given how to say their result where the form's results show. */
  actions?: (say: (m: StatusMessage) => void) => React.ReactNode;
  disabled?: boolean;
  /**
   * Where the unsaved form lives when the view itself does not stay mounted (the page's 设置 tab, closed when another
   * tab opens): the form comes back as the clerk left it, until 保存 or 恢复默认.
   */
  keep?: KeptSettingsDraft;
}

/** The unsaved form and the settings in force it was made over. */
export interface SettingsDraftState {
  draft: SettingsDraft;
  base: ConfigFile;
}

export interface KeptSettingsDraft {
  value: SettingsDraftState | null;
  set(v: SettingsDraftState): void;
}

/** A form made over `before` shown over `value`: unchanged, it shows value; typed rows stay (only 列对应 follows). */
function followValue(d: SettingsDraft, before: ConfigFile, value: ConfigFile): SettingsDraft {
  return sameSettings(fileFromDraft(d).file, before) ? draftFrom(value) : { ...d, columns: draftFrom(value).columns };
}

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ''));
    r.onerror = () => reject(r.error);
    r.readAsText(file, 'utf-8');
  });
}

export function SettingsView({ value, onSave, saveLabel, where, storedProblem, actions, disabled, keep }: SettingsViewProps): React.JSX.Element {
  const s = useStyles();
  const l = useLayout();
  const [draft, setDraft] = React.useState<SettingsDraft>(() => {
    const k = keep?.value;
    if (!k) return draftFrom(value);
    return k.base === value ? k.draft : followValue(k.draft, k.base, value);
  });
  // A kept value's problem is shown when 设置 opens; it does not take the focus from the tab bar.
  const [message, setMessage] = React.useState<StatusMessage | null>(storedProblem ? { intent: 'warning', text: clerkWords(storedProblem), keepFocus: true } : null);
  const [busy, setBusy] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const idBase = React.useId();

  // The settings in force changed (saved here, loaded, or 记住列对应 on the check tab): the form shows them, except that
  // rows the clerk has typed and not yet saved stay as typed (only the 列对应 rows follow then).
  const shown = React.useRef(value);
  React.useEffect(() => {
    const before = shown.current;
    shown.current = value;
    if (before === value) return;
    setDraft((d) => followValue(d, before, value));
  }, [value]);
  // The form as it is, kept outside this view when the page closes it (another tab).
  const keepSet = keep?.set;
  React.useEffect(() => keepSet?.({ draft, base: shown.current }), [draft, value, keepSet]);

  const { file, issues: raw } = React.useMemo(() => fileFromDraft(draft), [draft]);
  // Each problem in the form's words, at its field when it has one (else under its section).
  const bySourceRows = draft.deadlineBySource.some((r) => r.label.trim());
  const issues = React.useMemo(() => raw.map((i) => clerkIssue(i, bySourceRows)), [raw, bySourceRows]);
  const bySection = React.useMemo(() => {
    const m = new Map<SectionKey | '', ClerkIssue[]>();
    for (const i of issues) {
      if (i.target.kind !== 'section') continue;
      const k = sectionOf(i.key) ?? '';
      m.set(k, [...(m.get(k) ?? []), i]);
    }
    return m;
  }, [issues]);
  /** The problems of one field: 各来源统一的月数, 最长延期, 催办提前天数. */
  const fieldErrors = (key: 'deadlineMonths' | 'maxExtensionMonths' | 'dueSoonDays') =>
    issues.filter((i) => i.target.kind === 'field' && i.target.key === key).map((i) => i.text).join(' ');
  /** The problems of a row of a list, found by the row's label (月数 by source: also a count that is not one). */
  const rowErrors = (list: 'deadlineBySource' | 'fixedDeadlines' | 'categories' | 'headers' | 'columns', r: PairRow) =>
    issues
      .filter((i) => (i.target.kind === 'row' && i.target.list === list && i.target.label === r.label.trim()) || (list === 'deadlineBySource' && i.target.kind === 'months' && r.label.trim() && !goodMonths(r.value)))
      .map((i) => (i.target.kind === 'months' ? `月数应是 1 到 24 之间的整数，现在是“${r.value.trim()}”。` : i.text))
      .join(' ');
  const changed = !sameSettings(file, value);

  const update = (patch: Partial<SettingsDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    if (issues.length) {
      setMessage({ intent: 'error', text: `设置有 ${issues.length} 处问题，没有保存，检查仍用原来的设置：${issues.map((i) => i.text).join(' ')}` });
      return;
    }
    setBusy(true);
    try {
      setMessage({ intent: 'success', text: await onSave(file) });
    } catch (e) {
      setMessage({ intent: 'error', text: `设置没有保存：${String((e as Error)?.message ?? e)}` });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (f: File) => {
    let text: string;
    try {
      text = await readText(f);
    } catch (e) {
      setMessage({ intent: 'error', text: `无法读取 ${f.name}：${String((e as Error)?.message ?? e)}` });
      return;
    }
    const r = parseConfigText(text);
    if (!r.ok) {
      setMessage({ intent: 'error', text: `${f.name} 有 ${r.issues.length} 处问题，没有导入：${r.issues.map((i) => clerkWords(i.text)).join(' ')}` });
      return;
    }
    setDraft(draftFrom(r.file));
    setMessage({ intent: 'info', text: `已导入 ${f.name} 中的设置。请核对后点“${saveLabel}”，检查才会使用这些设置。` });
  };

  const errorsOf = (k: SectionKey) => bySection.get(k) ?? [];

  // A row just added: the focus goes to its first field (the clerk types there next; a screen reader says where).
  const root = React.useRef<HTMLDivElement>(null);
  const focusRow = React.useRef<string | null>(null);
  React.useEffect(() => {
    const row = focusRow.current;
    if (!row) return;
    focusRow.current = null;
    root.current?.querySelector<HTMLElement>(`[data-row="${row}"]`)?.focus();
  }, [draft]);

  const pairRows = (
    list: 'deadlineBySource' | 'fixedDeadlines' | 'categories' | 'headers' | 'columns',
    rows: PairRow[],
    set: (rows: PairRow[]) => void,
    labelName: string,
    valueName: string,
    opts: { labelChoices?: string[]; valueHint?: string; add: string; rowName: string },
  ) => (
    <div className={s.rows}>
      {rows.map((r, i) => (
        <div className={s.row} key={i}>
          {opts.labelChoices ? (
            <Field label={`${labelName}（第 ${i + 1} 行）`} size="small" className={s.grow}>
              <Select className={s.control} data-row={`${list}-${i}`} value={r.label} onChange={(_, d) => set(rows.map((x, j) => (j === i ? { ...x, label: d.value } : x)))}>
                <option value="">（请选择）</option>
                {opts.labelChoices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            </Field>
          ) : (
            <Field label={`${labelName}（第 ${i + 1} 行）`} size="small" className={s.grow}>
              <Input className={s.control} data-row={`${list}-${i}`} value={r.label} onChange={(_, d) => set(rows.map((x, j) => (j === i ? { ...x, label: d.value } : x)))} />
            </Field>
          )}
          <Field
            label={`${valueName}（第 ${i + 1} 行）`}
            size="small"
            className={s.grow}
            hint={opts.valueHint}
            validationState={rowErrors(list, r) ? 'error' : 'none'}
            validationMessage={rowErrors(list, r) || undefined}
          >
            <Input className={s.control} value={r.value} onChange={(_, d) => set(rows.map((x, j) => (j === i ? { ...x, value: d.value } : x)))} />
          </Field>
          <Button size="small" aria-label={`删除${opts.rowName}第 ${i + 1} 行${r.label ? `（${r.label}）` : ''}`} onClick={() => set(rows.filter((_, j) => j !== i))}>
            删除
          </Button>
        </div>
      ))}
      <div>
        <Button
          size="small"
          onClick={() => {
            focusRow.current = `${list}-${rows.length}`;
            set([...rows, { label: '', value: '' }]);
          }}
        >
          {opts.add}
        </Button>
      </div>
    </div>
  );

  const setSource = (i: number, patch: Partial<SourceRow>) => update({ sources: draft.sources.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const numberField = (k: 'maxExtensionMonths' | 'dueSoonDays', label: string, hint: string) => (
    <Field
      label={label}
      hint={hint}
      size="small"
      validationState={fieldErrors(k) ? 'error' : 'none'}
      validationMessage={fieldErrors(k) || undefined}
      className={s.single}
      data-section={k}
    >
      <Input className={s.control} inputMode="numeric" value={draft[k]} onChange={(_, d) => update({ [k]: d.value } as Partial<SettingsDraft>)} />
    </Field>
  );
  const general = bySection.get('') ?? [];

  return (
    <div className={s.rows} data-testid="settings" ref={root}>
      <Text as="p" block>
        {where}
      </Text>
      <div className={l.actions}>
        <Button appearance="primary" onClick={() => void save()} disabled={disabled || busy || (!changed && !storedProblem)}>
          {saveLabel}
        </Button>
        <Button
          onClick={() => {
            setDraft(draftFrom(defaultSettings()));
            setMessage({ intent: 'info', text: `表单已恢复为默认设置。点“${saveLabel}”后生效。` });
          }}
          disabled={disabled || busy}
        >
          恢复默认
        </Button>
        <Button onClick={() => fileInput.current?.click()} disabled={disabled || busy}>
          导入 banli.config.json
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="选择要导入的 banli.config.json"
          data-testid="settings-import"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
        {actions?.(setMessage)}
      </div>
      {changed && <Text className={l.muted}>表单有改动，尚未保存：检查仍用原来的设置。</Text>}
      <Notice message={message} />
      {general.length > 0 && (
        <p className={s.error} data-testid="settings-error-general">
          {general.map((i) => i.text).join(' ')}
        </p>
      )}

      <Section k="officeLevel" idBase={idBase} errors={errorsOf('officeLevel')} hint="本机关是哪一级。来源名称前的“省、市、区、县”与本级相同的，算作本级的建议提案。">
        <Field label="本机关层级" size="small" className={s.single}>
          <Select className={s.control} value={draft.officeLevel} onChange={(_, d) => update({ officeLevel: d.value as SettingsDraft['officeLevel'] })}>
            <option value="">按台账的来源自动判断</option>
            <option value="province">省级</option>
            <option value="city">市级</option>
            <option value="county">区县级</option>
          </Select>
        </Field>
      </Section>

      <Section k="sources" idBase={idBase} errors={errorsOf('sources')} hint="台账“类别”列中名称看不出是人大建议还是政协提案、是哪一级的来源，在这里说明（如 民革提案：政协提案、本级）。">
        <div className={s.rows}>
          {draft.sources.map((r, i) => (
            <div className={s.row} key={i}>
              <Field label={`来源名称（第 ${i + 1} 行）`} size="small" className={s.grow}>
                <Input className={s.control} data-row={`sources-${i}`} value={r.label} onChange={(_, d) => setSource(i, { label: d.value })} />
              </Field>
              <Field label={`属于（第 ${i + 1} 行）`} size="small" className={s.narrow}>
                <Select className={s.control} value={r.body} onChange={(_, d) => setSource(i, { body: d.value as SourceRow['body'] })}>
                  <option value="npc">人大建议</option>
                  <option value="cppcc">政协提案</option>
                </Select>
              </Field>
              <Field label={`层级（第 ${i + 1} 行）`} size="small" className={s.narrow}>
                <Select className={s.control} value={r.level} onChange={(_, d) => setSource(i, { level: d.value as SourceRow['level'] })}>
                  <option value="own">本级</option>
                  <option value="upper">上级</option>
                  <option value="national">全国</option>
                </Select>
              </Field>
              <Checkbox label="闭会建议" aria-label={`闭会建议（第 ${i + 1} 行）`} checked={r.interSession} onChange={(_, d) => setSource(i, { interSession: !!d.checked })} />
              <Button size="small" aria-label={`删除来源第 ${i + 1} 行${r.label ? `（${r.label}）` : ''}`} onClick={() => update({ sources: draft.sources.filter((_, j) => j !== i) })}>
                删除
              </Button>
            </div>
          ))}
          <div>
            <Button
              size="small"
              onClick={() => {
                focusRow.current = `sources-${draft.sources.length}`;
                update({ sources: [...draft.sources, { label: '', body: 'npc', level: 'own', interSession: false }] });
              }}
            >
              添加来源
            </Button>
          </div>
        </div>
      </Section>

      <Section k="deadlineMonths" idBase={idBase} errors={errorsOf('deadlineMonths')} hint="交办后几个月内答复（法定 3 个月）。某个来源另有时限的，按来源另写；规定了统一答复日期的，写在“统一答复日期”中。台账有“办理期限”列的，以该列为准。">
        <Field
          label="各来源统一的月数"
          size="small"
          className={s.single}
          hint={bySourceRows ? '已按来源另写时，没写的来源为 3 个月' : '1 到 24'}
          validationState={fieldErrors('deadlineMonths') ? 'error' : 'none'}
          validationMessage={fieldErrors('deadlineMonths') || undefined}
        >
          <Input className={s.control} inputMode="numeric" value={draft.deadlineMonths} disabled={bySourceRows} onChange={(_, d) => update({ deadlineMonths: d.value })} />
        </Field>
        {pairRows('deadlineBySource', draft.deadlineBySource, (rows) => update({ deadlineBySource: rows }), '另定时限的来源', '月数', { add: '按来源另写月数', rowName: '按来源另写的月数' })}
        {pairRows('fixedDeadlines', draft.fixedDeadlines, (rows) => update({ fixedDeadlines: rows }), '有统一答复日期的来源', '统一答复日期', { add: '添加统一答复日期', rowName: '统一答复日期', valueHint: '如 2021-09-30 或 2021年9月30日' })}
      </Section>

      <Section k="maxExtensionMonths" idBase={idBase} errors={[]} hint="经批准延期的，最迟为交办后几个月（默认 6 个月）。">
        {numberField('maxExtensionMonths', '最长延期（月）', '1 到 24')}
      </Section>

      <Section k="categories" idBase={idBase} errors={errorsOf('categories')} hint="答复类别（如 A、B、C、D 或 甲、乙、丙），以及与每一类相符的“解决程度”用语，用顿号分开。">
        {pairRows('categories', draft.categories, (rows) => update({ categories: rows }), '答复类别', '解决程度用语', { add: '添加答复类别', rowName: '答复类别' })}
      </Section>

      <Section k="headers" idBase={idBase} errors={errorsOf('headers')} hint="台账的列名与常见写法不同时，在这里补充：选择是哪一列，写上本单位台账中的列名（多个用顿号分开）。">
        {pairRows('headers', draft.headers, (rows) => update({ headers: rows }), '表头中的列', '台账中的列名', { labelChoices: COLUMN_LABELS, add: '添加列名', rowName: '表头' })}
      </Section>

      <Section
        k="columns"
        idBase={idBase}
        errors={errorsOf('columns')}
        hint="自动识别的列不对时，指定从台账中哪个列名读取这一列；列名空着表示台账没有这一列。台账中没有写明的列名时，这一列仍按自动识别。检查结果下的“列对应”中点“记住列对应”，也会保存到这里。"
      >
        {pairRows('columns', draft.columns, (rows) => update({ columns: rows }), '列对应的列', '从台账中读取的列名', { labelChoices: COLUMN_LABELS, add: '添加列对应', rowName: '列对应', valueHint: '空着：台账没有这一列' })}
      </Section>

      <Section k="requiredColumns" idBase={idBase} errors={errorsOf('requiredColumns')} hint="缺少这些列时报告“缺少必需的列”。">
        <div className={s.columns}>
          {COLUMN_LABELS.map((c) => (
            <Checkbox
              key={c}
              label={c}
              checked={draft.requiredColumns.includes(c)}
              onChange={(_, d) => update({ requiredColumns: d.checked ? COLUMN_LABELS.filter((x) => x === c || draft.requiredColumns.includes(x)) : draft.requiredColumns.filter((x) => x !== c) })}
            />
          ))}
        </div>
      </Section>

      <Section k="dueSoonDays" idBase={idBase} errors={[]} hint="距办理期限不超过这么多天仍未答复的，列入催办名单（默认 15 天）。">
        {numberField('dueSoonDays', '催办提前天数（天）', '0 到 365')}
      </Section>

      <Section k="praisedUnits" idBase={idBase} errors={errorsOf('praisedUnits')} hint="通报中“办理较好的单位”。留空时按说明中的规则选取。">
        <Field label="表扬单位（每行一个）" size="small">
          <Textarea className={s.control} value={draft.praisedUnits} resize="vertical" onChange={(_, d) => update({ praisedUnits: d.value })} />
        </Field>
      </Section>
    </div>
  );
}
