/**
 * The Word pane: open the ledger, fill in the header and colophon, insert the circular whole or by section at the
 * cursor (in tagged content controls), refresh them from new data, reconcile figures someone typed over. The last
 * data is kept inside the document. Without a Word host (a plain browser, 生成通报), it offers the same document as a
 * .docx. The ledger and the settings are the page's (useLedger), shared with 检查台账.
 */
import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Text } from '@fluentui/react-components';
import { AutoTextarea } from './components/AutoTextarea';
import { Circular, CircularData, CircularOptions, FigureDiff, SECTION_IDS, SECTION_NAMES, SectionId, circularDataOf, circularWarnings, composeCircular, compositionNotes } from '../core';
import { WordHost } from '../word/host';
import { wordCapabilityNotes } from '../word/requirements';
import { DOCX_TYPE } from '../browser/types';
import { errorMessage } from './model';
import { countedFiles, itemsOf, ledgerName, progressValue, useLedger } from './ledger';
import { OptionsForm, firstError, formErrors, formWarnings, optionsFrom, praiseText } from './settings';
import { Totals } from './components/Totals';
import { Notice, Status, StatusMessage } from './components/CheckControls';
import { DateField } from './components/DateField';
import { Header, useLayout } from './components/Layout';
import { LedgerPicker } from './components/LedgerPicker';
import { OpenedFiles } from './components/OpenedFiles';
import { ColumnMapping } from './components/ColumnMapping';

export type { OptionsForm } from './settings';
export { formFrom, optionsFrom } from './settings';

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

const loadDocx = () => import(/* webpackChunkName: "docx" */ '../docx/zip');

type Confirm = { kind: 'errors'; ids: SectionId[] } | { kind: 'replace'; ids: SectionId[]; existing: SectionId[] } | { kind: 'refresh' };
/** Which buttons a message belongs to: it appears beside them. */
type Origin = 'main' | 'sections' | 'download';
/** formError: a field of the form is wrong (the message goes, or follows, when the form changes). */
type Message = StatusMessage & { origin: Origin; offerDownload?: boolean; formError?: boolean };

const PAGE_SETUP_NOTE: Record<string, string> = {
  applied: '页面已按 GB/T 9704 设置（A4、页边距、每页 22 行 28 字、页码）。',
  'not-empty': '文档不是空的：只插入了正文，页面设置沿用本文档的（A4、页边距、每页 22 行和页码请在“布局”中设置，或在空白文档中插入全文）。',
  unsupported: '这个版本的{product}不能随文件设置页面：A4、页边距、每页 22 行和页码请在“布局”中设置，或点下面的“下载通报（.docx）”。',
  'sections-only': '',
};

export function WordPane({ word }: { word?: WordHost }): React.JSX.Element {
  const s = useLayout();
  const l = useLedger();
  const saved = React.useMemo(() => word?.store.load() ?? null, [word]);
  const view = l.view?.ok ? l.view : null;
  const [busy, setBusy] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<Message | null>(null);
  const [confirm, setConfirm] = React.useState<(Confirm & { origin: Origin }) | null>(null);
  const [diffs, setDiffs] = React.useState<FigureDiff[] | null>(null);

  const data: CircularData | null = React.useMemo(() => (view ? circularDataOf(view) : (saved?.data ?? null)), [view, saved]);
  // Errors that make figures uncertain (overdue items are facts the circular reports, not mistakes to correct).
  const uncertain = React.useMemo(() => (data ? circularWarnings(data).reduce((n, w) => n + w.count, 0) : 0), [data]);
  const errors = formErrors(l.form);
  const warnings = formWarnings(l.form, data?.asOf ?? l.asOf);
  const notes = word ? wordCapabilityNotes(word.capabilities) : [];
  const anyBusy = !!busy || !!l.busy;
  React.useEffect(() => setDiffs(null), [view]);
  // A message saying a field is wrong goes once it is put right, or says the next wrong one (without taking the
  // focus from the field being typed in).
  const formProblem = firstError(errors);
  React.useEffect(() => {
    setMessage((m) => {
      if (!m?.formError) return m;
      if (!formProblem) return null;
      const text = `${formProblem}请改正后再试。`;
      return text === m.text ? m : { ...m, text, keepFocus: true };
    });
  }, [formProblem]);

  const field = (k: keyof OptionsForm) => ({
    validationState: errors[k] ? ('error' as const) : warnings[k] ? ('warning' as const) : ('none' as const),
    validationMessage: errors[k] ?? warnings[k],
    required: k !== 'copyTo',
  });
  const set = (k: keyof OptionsForm) => (_: unknown, d: { value: string }) => l.setField(k, d.value);

  const say = (m: Message | null) => {
    setConfirm(null);
    setMessage(m);
  };

  /** The circular from the data and the form, or a message beside the button saying what is wrong. */
  const compose = (origin: Origin): { circular: Circular; options: CircularOptions; praise: string } | null => {
    if (!data) {
      say({ intent: 'warning', text: '请先打开台账文件（或示例台账）。', origin });
      return null;
    }
    const problem = firstError(errors);
    if (problem) {
      say({ intent: 'error', text: `${problem}请改正后再试。`, origin, formError: true });
      return null;
    }
    try {
      const options = optionsFrom(l.form);
      // The 表扬单位 of 设置 left out (problems found, or no unit of the ledger): said with the result.
      return { circular: composeCircular(data, options, data.asOf), options, praise: praiseText(compositionNotes(data, options, data.asOf)) };
    } catch (e) {
      say({ intent: 'error', text: errorMessage(e), origin });
      return null;
    }
  };

  const run = async (label: string, origin: Origin, fn: () => Promise<Message | null>) => {
    setBusy(label);
    say(null);
    try {
      const m = await fn();
      if (m) setMessage(m);
    } catch (e) {
      setMessage({ intent: 'error', text: errorMessage(e), origin });
    } finally {
      setBusy(null);
    }
  };

  const insert = (ids: SectionId[], origin: Origin, flags: { errorsOk?: boolean; replace?: boolean } = {}) => {
    const made = compose(origin);
    if (!made || !word) return;
    if (!flags.errorsOk && uncertain > 0) {
      setMessage(null);
      setConfirm({ kind: 'errors', ids, origin });
      return;
    }
    setConfirm(null);
    void run('正在插入…', origin, async () => {
      const whole = ids.length === SECTION_IDS.length;
      const r = await word.insert(made.circular, ids, {
        replace: Boolean(flags.replace),
        docxBase64: whole ? async () => toBase64(await (await loadDocx()).docxBytes(made.circular, made.options.date)) : undefined,
      });
      if (r.kind === 'conflict') {
        setConfirm({ kind: 'replace', ids, existing: r.existing, origin });
        return null;
      }
      await word.store.save({ data: data!, options: made.options });
      const names = (xs: SectionId[]) => xs.map((x) => `“${SECTION_NAMES[x]}”`).join('、');
      const parts = [r.inserted.length ? `已插入${whole ? '全文' : names(r.inserted)}` : '', r.replaced.length ? `已替换${names(r.replaced)}` : ''].filter(Boolean);
      const ok = (r.pageSetup === 'applied' || r.pageSetup === 'sections-only') && !made.praise;
      return {
        intent: ok ? 'success' : 'warning',
        text: `${parts.join('，')}。${PAGE_SETUP_NOTE[r.pageSetup].replace('{product}', word?.product === 'wps' ? ' WPS 文字' : ' Word ')}${made.praise}`,
        origin,
        offerDownload: r.pageSetup === 'unsupported',
      };
    });
  };

  const refresh = (confirmed = false) => {
    const made = compose('main');
    if (!made || !word) return;
    if (!confirmed) {
      setMessage(null);
      setConfirm({ kind: 'refresh', origin: 'main' });
      return;
    }
    setConfirm(null);
    void run('正在刷新…', 'main', async () => {
      const r = await word.refresh(made.circular);
      if (!r.refreshed.length) return { intent: 'warning', text: '文档中还没有插入过通报的各部分（内容控件），没有可刷新的内容。', origin: 'main' };
      await word.store.save({ data: data!, options: made.options });
      setDiffs(null);
      return { intent: 'success', text: `已按台账数据（截至 ${data!.asOf}）刷新 ${r.refreshed.length} 个部分；文档中的其他段落没有改动。`, origin: 'main' };
    });
  };

  const check = () => {
    const made = compose('main');
    if (!made || !word) return;
    void run('正在核对…', 'main', async () => {
      const r = await word.reconcile(made.circular);
      setDiffs(r.diffs);
      if (!r.present.length) return { intent: 'warning', text: '文档中还没有插入过通报的各部分，无从核对。', origin: 'main' };
      return r.diffs.length
        ? { intent: 'warning', text: `有 ${r.diffs.length} 处数字或名单与台账不一致（见下）。点“刷新数据”可以改回台账的数字。`, origin: 'main' }
        : { intent: 'success', text: `已核对 ${r.present.length} 个部分：数字和名单与台账一致。`, origin: 'main' };
    });
  };

  const downloadDocx = (origin: Origin = 'download') => {
    const made = compose(origin);
    if (!made) return;
    void run('正在生成通报…', origin, async () => {
      const bytes = await (await loadDocx()).docxBytes(made.circular, made.options.date);
      const name = `通报-${made.options.year}.docx`;
      (await l.files()).download(bytes, name, DOCX_TYPE);
      return { intent: made.praise ? 'warning' : 'success', text: `已生成 ${name}（${made.options.docNumber}），请在浏览器的下载中查看。${made.praise}`, origin };
    });
  };

  const downloadButton = (origin: Origin, primary = false) => (
    <Button appearance={primary ? 'primary' : 'secondary'} onClick={() => downloadDocx(origin)} disabled={anyBusy || !data}>
      下载通报（.docx）
    </Button>
  );

  /** The question or the result of the buttons just above, and nothing older. */
  const feedback = (origin: Origin) => (
    <>
      {confirm && confirm.origin === origin && (
        <ConfirmBar
          confirm={confirm}
          errors={uncertain}
          onYes={() => (confirm.kind === 'refresh' ? refresh(true) : insert(confirm.ids, origin, confirm.kind === 'errors' ? { errorsOk: true } : { errorsOk: true, replace: true }))}
          onNo={() => setConfirm(null)}
        />
      )}
      {busy && message === null && !confirm && (
        <Text className={s.muted} block>
          {busy}
        </Text>
      )}
      {message && message.origin === origin && (
        <Notice message={message} actions={message.offerDownload ? downloadButton(origin) : undefined} />
      )}
    </>
  );

  return (
    <main className={s.root}>
      <Header subtitle={word ? '按台账数据插入办理工作情况通报（GB/T 9704 版式），可整篇或逐部分插入，之后可刷新。' : '按台账数据生成办理工作情况通报（GB/T 9704 版式的 .docx）。'} />
      {notes.map((n) => (
        <MessageBar key={n} intent="warning">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      <LedgerPicker disabled={anyBusy} onFiles={(f) => void l.openFiles(f)} onSample={() => void l.openSample()} current={l.opened?.name} />
      {!view && saved && (
        <Text className={s.muted} block>
          使用文档中保存的台账数据：{saved.data.source || '台账'}，截至 {saved.data.asOf}，共 {saved.data.totals.total} 件。打开台账文件可换成新数据。
        </Text>
      )}
      <Status
        busy={l.busy ? { label: l.busy.label, value: progressValue(l.busy.progress), cancellable: l.busy.cancellable } : null}
        message={l.notice}
        problem={l.problem}
        onCancel={l.cancel}
      />
      {l.opened && <OpenedFiles opened={l.opened} combined={view?.combined} />}
      {view && l.opened && <Totals totals={view} items={itemsOf(view)} source={ledgerName(l.opened, view)} where={countedFiles(l.opened, view).length > 1 ? '各工作簿的台账工作表' : undefined} />}
      {view && (
        <ColumnMapping
          columns={view.columns}
          headers={view.headers}
          choice={l.columns}
          disabled={!!l.busy}
          onChoose={l.setColumn}
          remember={l.rememberColumns}
        />
      )}
      {view && uncertain > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            台账中还有 {uncertain} 条错误级别的问题，通报中的数字可能不准确。{word ? `可以先在${word.product === 'wps' ? ' WPS 表格' : ' Excel '}中检查并改正。` : '可以先在“检查台账”中查看并改正。'}
          </MessageBarBody>
        </MessageBar>
      )}

      <form aria-label="通报设置" onSubmit={(e) => e.preventDefault()} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
        <div className={s.row}>
          <DateField label="截至日期" value={l.asOf} onCommit={l.setAsOf} hint="通报中的数字截至这一天" />
          <Field label="年度" size="small" {...field('year')} hint={view?.year ? `台账的交办年份是 ${view.year} 年` : undefined}>
            <Input value={l.form.year} onChange={set('year')} style={{ width: 80 }} inputMode="numeric" />
          </Field>
        </div>
        <Field label="发文机关标志" size="small" {...field('mark')}>
          <Input value={l.form.mark} onChange={set('mark')} />
        </Field>
        <Field label="发文机关" size="small" {...field('issuingBody')}>
          <Input value={l.form.issuingBody} onChange={set('issuingBody')} />
        </Field>
        <Field label="发文字号" size="small" {...field('docNumber')}>
          <Input value={l.form.docNumber} onChange={set('docNumber')} />
        </Field>
        <Field label="标题（可分行，每行一段）" size="small" {...field('title')}>
          <AutoTextarea value={l.form.title} onChange={set('title')} rows={3} />
        </Field>
        <Field label="主送机关" size="small" {...field('addressees')}>
          <AutoTextarea value={l.form.addressees} onChange={set('addressees')} rows={2} />
        </Field>
        <div className={s.row}>
          <DateField label="成文日期" value={l.form.date} onCommit={(d) => l.setField('date', d)} warning={warnings.date} />
          <DateField label="印发日期" value={l.form.printDate} onCommit={(d) => l.setField('printDate', d)} warning={warnings.printDate} />
        </div>
        <Field label="抄送（可分行，每行一段）" size="small" {...field('copyTo')}>
          <AutoTextarea value={l.form.copyTo} onChange={set('copyTo')} rows={2} />
        </Field>
        <Field label="印发机关" size="small" {...field('printingOffice')}>
          <Input value={l.form.printingOffice} onChange={set('printingOffice')} />
        </Field>
      </form>

      {word && word.capabilities.basic ? (
        <>
          <div className={s.actions}>
            <Button appearance="primary" onClick={() => insert([...SECTION_IDS], 'main')} disabled={anyBusy || !data}>
              插入全文
            </Button>
            <Button onClick={() => refresh()} disabled={anyBusy || !data}>
              刷新数据
            </Button>
            <Button onClick={check} disabled={anyBusy || !data}>
              核对
            </Button>
            {!word.capabilities.fileWithSections && downloadButton('main')}
          </div>
          {feedback('main')}
          {diffs && diffs.length > 0 && (
            <ul aria-label="核对结果" style={{ margin: 0, paddingLeft: 18 }}>
              {diffs.map((d, i) => (
                <li key={i}>
                  <Text>
                    {d.sectionName}：台账为“{d.expected}”，文中没有（{d.context}）
                  </Text>
                </li>
              ))}
            </ul>
          )}
          <Text className={s.muted} block>
            在光标处插入一部分：
          </Text>
          <div className={s.actions} role="group" aria-label="插入一部分">
            {SECTION_IDS.map((id) => (
              <Button key={id} size="small" onClick={() => insert([id], 'sections')} disabled={anyBusy || !data}>
                {SECTION_NAMES[id]}
              </Button>
            ))}
          </div>
          {feedback('sections')}
        </>
      ) : (
        <>
          <div className={s.actions}>{downloadButton('download', true)}</div>
          {feedback('download')}
        </>
      )}
    </main>
  );
}

function ConfirmBar({ confirm, errors, onYes, onNo }: { confirm: Confirm; errors: number; onYes: () => void; onNo: () => void }): React.JSX.Element {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => ref.current?.focus(), [confirm]);
  return (
    <MessageBar intent="warning" ref={ref} tabIndex={-1} layout="multiline" role="alertdialog" aria-label="请确认">
      <MessageBarBody>
        {confirm.kind === 'errors'
          ? `台账中还有 ${errors} 条错误，仍然插入吗？`
          : confirm.kind === 'refresh'
            ? '刷新将按台账数据重新生成文档中插入过的通报各部分（内容控件）：这些部分里手工改过的文字也会换成新生成的内容；文档的其他段落不变。继续吗？'
            : `文档中已有${confirm.existing.map((x) => `“${SECTION_NAMES[x]}”`).join('、')}部分。替换为按台账新生成的内容吗？（文档的其他部分不变）`}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" onClick={onYes}>
          {confirm.kind === 'errors' ? '仍然插入' : confirm.kind === 'refresh' ? '刷新' : '替换'}
        </Button>
        <Button size="small" onClick={onNo}>
          取消
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
