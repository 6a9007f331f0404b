/**
 * The Word pane: open the ledger, fill in the header and colophon, insert the circular whole or by section at the
 * cursor (in tagged content controls), refresh them from new data, reconcile figures someone typed over. The last
 * data is kept inside the document. Without a Word host (a plain browser), it offers the same document as a .docx.
 */
import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import {
  BanliError,
  Circular,
  CircularData,
  CircularOptions,
  FigureDiff,
  SECTION_IDS,
  SECTION_NAMES,
  SectionId,
  circularData,
  composeCircular,
  defaultOptions,
  resolveOptions,
  today,
  validateDocNumber,
} from '../core';
import { WordHost } from '../word/host';
import { wordCapabilityNotes } from '../word/requirements';
import { Saved } from '../word/store';
import { LoadedWorkbook, errorMessage, runCheck } from './model';
import { FilesApi, SAMPLE_AS_OF, lazyFiles } from './StandalonePane';
import { Totals } from './components/Totals';
import { Status, StatusMessage } from './components/CheckControls';
import { Header, useLayout } from './components/Layout';
import { LedgerPicker } from './components/LedgerPicker';

/** The form, as the clerk types it. */
export interface OptionsForm {
  year: string;
  mark: string;
  issuingBody: string;
  docNumber: string;
  title: string;
  addressees: string;
  date: string;
  copyTo: string;
  printingOffice: string;
  printDate: string;
}

export function formFrom(o: CircularOptions): OptionsForm {
  return {
    year: String(o.year),
    mark: o.mark,
    issuingBody: o.issuingBody,
    docNumber: o.docNumber,
    title: o.title,
    addressees: o.addressees,
    date: o.date,
    copyTo: o.copyTo.join('\n'),
    printingOffice: o.printingOffice,
    printDate: o.printDate,
  };
}

/** The form's values as options, validated (Chinese messages as BanliError). */
export function optionsFrom(form: OptionsForm, base: CircularOptions): CircularOptions {
  return resolveOptions(base, { ...form, copyTo: form.copyTo });
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

const loadDocx = () => import(/* webpackChunkName: "docx" */ '../docx/zip');

type Confirm = { kind: 'errors'; ids: SectionId[] } | { kind: 'replace'; ids: SectionId[]; existing: SectionId[] } | { kind: 'refresh' };
type Message = StatusMessage;

const PAGE_SETUP_NOTE: Record<string, string> = {
  applied: '页面已按 GB/T 9704 设置（A4、页边距、每页 22 行 28 字、页码）。',
  'not-empty': '文档不是空的：只插入了正文，页面设置沿用本文档的（A4、页边距、每页 22 行和页码请在“布局”中设置，或在空白文档中插入全文）。',
  unsupported: '这个版本的 Word 不能随文件设置页面：A4、页边距、每页 22 行和页码请在“布局”中设置，或下载 .docx 使用。',
  'sections-only': '',
};

export function WordPane({ word, files = lazyFiles }: { word?: WordHost; files?: () => Promise<FilesApi> }): React.JSX.Element {
  const s = useLayout();
  const saved = React.useMemo<Saved | null>(() => word?.store.load() ?? null, [word]);
  const [workbook, setWorkbook] = React.useState<LoadedWorkbook | null>(null);
  const [asOf, setAsOf] = React.useState(saved?.data.asOf ?? today());
  const [form, setForm] = React.useState<OptionsForm>(() => formFrom(saved?.options ?? defaultOptions(Number(asOf.slice(0, 4)), asOf)));
  /** Fields the clerk has typed in; the others follow the data's year and date. */
  const [touched, setTouched] = React.useState<Set<keyof OptionsForm>>(() => new Set(saved ? (Object.keys(form) as Array<keyof OptionsForm>) : []));
  const [busy, setBusy] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<Message | null>(null);
  const [confirm, setConfirm] = React.useState<Confirm | null>(null);
  const [diffs, setDiffs] = React.useState<FigureDiff[] | null>(null);

  const outcome = React.useMemo(() => (workbook ? runCheck(workbook.grids, asOf) : null), [workbook, asOf]);
  const analysis = outcome?.ok ? outcome.analysis : null;
  const data: CircularData | null = analysis ? circularData(analysis, asOf, workbook!.name) : (saved?.data ?? null);
  const docNumberError = validateDocNumber(form.docNumber);
  const notes = word ? wordCapabilityNotes(word.capabilities) : [];

  const set = (k: keyof OptionsForm) => (_: unknown, d: { value: string }) => {
    setForm({ ...form, [k]: d.value });
    setTouched(new Set(touched).add(k));
  };

  /** A new as-of day: the defaults the clerk has not overridden follow its year and date. */
  const follow = (day: string) => {
    setAsOf(day);
    const defaults = formFrom(defaultOptions(Number(day.slice(0, 4)), day));
    setForm((f) => {
      const next = { ...f };
      for (const k of Object.keys(defaults) as Array<keyof OptionsForm>) if (!touched.has(k)) next[k] = defaults[k];
      return next;
    });
  };

  const open = async (label: string, load: (api: FilesApi) => Promise<LoadedWorkbook>, sampleDate?: string) => {
    setBusy(label);
    setMessage(null);
    try {
      const w = await load(await files());
      if (sampleDate) follow(sampleDate);
      setWorkbook(w);
      setDiffs(null);
    } catch (e) {
      setMessage({ intent: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  /** The circular from the data and the form, or a message saying what is wrong. */
  const compose = (): { circular: Circular; options: CircularOptions } | null => {
    if (!data) {
      setMessage({ intent: 'warning', text: '请先打开台账文件（或示例台账）。' });
      return null;
    }
    try {
      const base = defaultOptions(Number(form.year) || Number(asOf.slice(0, 4)), form.date || asOf);
      const options = optionsFrom(form, base);
      return { circular: composeCircular(data, options, data.asOf), options };
    } catch (e) {
      setMessage({ intent: 'error', text: e instanceof BanliError ? e.message : errorMessage(e) });
      return null;
    }
  };

  const run = async (label: string, fn: () => Promise<Message | null>) => {
    setBusy(label);
    setMessage(null);
    try {
      const m = await fn();
      if (m) setMessage(m);
    } catch (e) {
      setMessage({ intent: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const insert = (ids: SectionId[], flags: { errorsOk?: boolean; replace?: boolean } = {}) => {
    setConfirm(null);
    const made = compose();
    if (!made || !word) return;
    if (!flags.errorsOk && data && data.errors > 0) {
      setConfirm({ kind: 'errors', ids });
      return;
    }
    void run('正在插入…', async () => {
      const whole = ids.length === SECTION_IDS.length;
      const r = await word.insert(made.circular, ids, {
        replace: Boolean(flags.replace),
        docxBase64: whole ? async () => toBase64(await (await loadDocx()).docxBytes(made.circular, made.options.date)) : undefined,
      });
      if (r.kind === 'conflict') {
        setConfirm({ kind: 'replace', ids, existing: r.existing });
        return null;
      }
      await word.store.save({ data: data!, options: made.options });
      const names = (xs: SectionId[]) => xs.map((x) => `“${SECTION_NAMES[x]}”`).join('、');
      const parts = [
        r.inserted.length ? `已插入${whole ? '全文' : names(r.inserted)}` : '',
        r.replaced.length ? `已替换${names(r.replaced)}` : '',
      ].filter(Boolean);
      return { intent: r.pageSetup === 'applied' || r.pageSetup === 'sections-only' ? 'success' : 'warning', text: `${parts.join('，')}。${PAGE_SETUP_NOTE[r.pageSetup]}` };
    });
  };

  const refresh = (confirmed = false) => {
    setConfirm(null);
    const made = compose();
    if (!made || !word) return;
    if (!confirmed) {
      setConfirm({ kind: 'refresh' });
      return;
    }
    void run('正在刷新…', async () => {
      const r = await word.refresh(made.circular);
      if (!r.refreshed.length) return { intent: 'warning', text: '文档中没有办理助手插入的部分（内容控件），没有可刷新的内容。' };
      await word.store.save({ data: data!, options: made.options });
      setDiffs(null);
      return { intent: 'success', text: `已按台账数据（截至 ${data!.asOf}）刷新 ${r.refreshed.length} 个部分；文档中的其他段落没有改动。` };
    });
  };

  const check = () => {
    const made = compose();
    if (!made || !word) return;
    void run('正在核对…', async () => {
      const r = await word.reconcile(made.circular);
      setDiffs(r.diffs);
      if (!r.present.length) return { intent: 'warning', text: '文档中没有办理助手插入的部分，无从核对。' };
      return r.diffs.length
        ? { intent: 'warning', text: `有 ${r.diffs.length} 处数字或名单与台账不一致（见下）。点“刷新数据”可以改回台账的数字。` }
        : { intent: 'success', text: `已核对 ${r.present.length} 个部分：数字和名单与台账一致。` };
    });
  };

  const downloadDocx = () => {
    const made = compose();
    if (!made) return;
    void run('正在生成通报…', async () => {
      const bytes = await (await loadDocx()).docxBytes(made.circular, made.options.date);
      const name = `通报-${made.options.year}.docx`;
      (await files()).download(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }), name);
      return { intent: 'success', text: `已生成 ${name}，请在浏览器的下载中查看。` };
    });
  };

  return (
    <main className={s.root}>
      <Header subtitle={word ? '按台账数据插入办理工作情况通报（GB/T 9704 版式），可整篇或逐部分插入，之后可刷新。' : '按台账数据生成办理工作情况通报（GB/T 9704 版式的 .docx）。'} />
      {notes.map((n) => (
        <MessageBar key={n} intent="warning">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      <LedgerPicker
        disabled={!!busy}
        onFile={(f) => void open(`正在读取 ${f.name}…`, (api) => api.loadFile(f))}
        onSample={() => void open('正在打开示例台账…', (api) => api.loadSample(), SAMPLE_AS_OF)}
      />
      {!workbook && saved && (
        <Text className={s.muted} block>
          使用文档中保存的台账数据：{saved.data.source || '台账'}，截至 {saved.data.asOf}，共 {saved.data.totals.total} 件。打开台账文件可换成新数据。
        </Text>
      )}
      <Status busy={null} message={null} problem={outcome && !outcome.ok ? outcome.message : null} />
      {analysis && workbook && <Totals analysis={analysis} source={workbook.name} />}
      {analysis && analysis.errors > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>台账中还有 {analysis.errors} 条错误级别的问题，插入的数字可能不准确。可以先在 Excel 中用办理助手检查并改正。</MessageBarBody>
        </MessageBar>
      )}

      <form aria-label="通报选项" onSubmit={(e) => e.preventDefault()} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
        <div className={s.row}>
          <Field label="截至（数据）" size="small">
            <Input type="date" value={asOf} onChange={(_, d) => d.value && follow(d.value)} aria-label="截至日期" />
          </Field>
          <Field label="年度" size="small">
            <Input value={form.year} onChange={set('year')} style={{ width: 80 }} />
          </Field>
        </div>
        <Field label="发文机关标志" size="small">
          <Input value={form.mark} onChange={set('mark')} />
        </Field>
        <Field label="发文机关" size="small">
          <Input value={form.issuingBody} onChange={set('issuingBody')} />
        </Field>
        <Field label="发文字号" size="small" validationState={docNumberError ? 'error' : 'none'} validationMessage={docNumberError ?? undefined}>
          <Input value={form.docNumber} onChange={set('docNumber')} />
        </Field>
        <Field label="标题（每行一行）" size="small">
          <Textarea value={form.title} onChange={set('title')} rows={3} />
        </Field>
        <Field label="主送机关" size="small">
          <Textarea value={form.addressees} onChange={set('addressees')} rows={2} />
        </Field>
        <div className={s.row}>
          <Field label="成文日期" size="small">
            <Input type="date" value={form.date} onChange={set('date')} />
          </Field>
          <Field label="印发日期" size="small">
            <Input type="date" value={form.printDate} onChange={set('printDate')} />
          </Field>
        </div>
        <Field label="抄送（每行一行）" size="small">
          <Textarea value={form.copyTo} onChange={set('copyTo')} rows={2} />
        </Field>
        <Field label="印发机关" size="small">
          <Input value={form.printingOffice} onChange={set('printingOffice')} />
        </Field>
      </form>

      {word && word.capabilities.basic ? (
        <>
          <div className={s.actions}>
            <Button appearance="primary" onClick={() => insert([...SECTION_IDS])} disabled={!!busy || !data}>
              插入全文
            </Button>
            <Button onClick={() => refresh()} disabled={!!busy || !data}>
              刷新数据
            </Button>
            <Button onClick={check} disabled={!!busy || !data}>
              核对
            </Button>
          </div>
          <Text className={s.muted} block>
            在光标处插入一部分：
          </Text>
          <div className={s.actions} aria-label="插入一部分">
            {SECTION_IDS.map((id) => (
              <Button key={id} size="small" onClick={() => insert([id])} disabled={!!busy || !data}>
                {SECTION_NAMES[id]}
              </Button>
            ))}
          </div>
        </>
      ) : (
        <div className={s.actions}>
          <Button appearance="primary" onClick={downloadDocx} disabled={!!busy || !data}>
            下载通报（.docx）
          </Button>
        </div>
      )}

      {confirm && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {confirm.kind === 'errors'
              ? `台账中还有 ${data?.errors ?? 0} 条错误，仍然插入吗？`
              : confirm.kind === 'refresh'
                ? '刷新将按台账数据重新生成文档中办理助手插入的各部分（内容控件）：这些部分里手工改过的文字也会换成新生成的内容；文档的其他段落不变。继续吗？'
                : `文档中已有${confirm.existing.map((x) => `“${SECTION_NAMES[x]}”`).join('、')}部分。替换为按台账新生成的内容吗？（文档的其他部分不变）`}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              appearance="primary"
              onClick={() =>
                confirm.kind === 'refresh' ? refresh(true) : insert(confirm.ids, confirm.kind === 'errors' ? { errorsOk: true } : { errorsOk: true, replace: true })
              }
            >
              {confirm.kind === 'errors' ? '仍然插入' : confirm.kind === 'refresh' ? '刷新' : '替换'}
            </Button>
            <Button size="small" onClick={() => setConfirm(null)}>
              取消
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Status busy={busy ? { label: busy } : null} message={message} />
      {diffs && diffs.length > 0 && (
        <ul aria-label="核对结果" style={{ margin: 0, paddingLeft: 18 }}>
          {diffs.map((d, i) => (
            <li key={i}>
              <Text size={200}>
                {d.sectionName}：台账为“{d.expected}”，文中没有（{d.context}）
              </Text>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
