/**
 * One ledger for the whole page: whichever tab opens it, both tabs use it, and the circular's settings are shared
 * the same way. The work runs in the engine (a Web Worker in the page); this holds only its results.
 */
import * as React from 'react';
import { ConfigFile, Field, circularDataOf, columnChoiceOf, compositionNotes, fileOfCell, isWorkbookName, parseDateInput, sameColumnChoice, today, withColumnChoice } from '../core';
import { defaultSettings, fileFromDraft, sameSettings } from '../config/form';
import type { KeptSettingsDraft, SettingsDraftState } from './components/SettingsView';
import type { ConfigStore } from '../config/documentStore';
import { readStored } from '../config/stored';
import { RememberColumns, rememberedText } from './components/ColumnMapping';
import { isOtherSpreadsheetName } from '../xlsx/formats';
import { ColumnChoice, DOCX_TYPE, Engine, LedgerFile, OpenedLedger, PageFiles, PageView, Progress, XLSX_TYPE, ZIP_TYPE } from '../browser/types';
import { markSaid } from './components/CheckControls';
import { FILES_HEADING, inFiles, listed } from './components/OpenedFiles';
import { errorMessage } from './model';
import { OptionsForm, defaultsFor, firstError, follow, formErrors, optionsFrom, praiseText, yearOf } from './settings';

export const SAMPLE_AS_OF = '2021-07-19';
export const SAMPLE_NAME = 'ledger-2021.xlsx';

export type Intent = 'success' | 'warning' | 'error' | 'info';
export interface Notice {
  intent: Intent;
  text: string;
  /** Said without taking the focus from where the clerk is (a re-check after a change of date, sheet or column). */
  keepFocus?: boolean;
}
export interface Busy {
  label: string;
  progress?: Progress;
  cancellable?: boolean;
}

/** The file side, in its own chunk (the reader is big; the pane inside Excel never loads it). */
export const lazyFiles = (): Promise<PageFiles> => import(/* webpackChunkName: "standalone-files" */ '../browser/files').then((m) => m.pageFiles());

export interface LedgerState {
  opened: OpenedLedger | null;
  view: PageView | null;
  /** Why the open ledger cannot be checked (the same message object while the same check stands), or null. */
  problem: Notice | null;
  asOf: string;
  sheet: string;
  busy: Busy | null;
  /** The last result of opening, checking or downloading. */
  notice: Notice | null;
  form: OptionsForm;
  touched: ReadonlySet<keyof OptionsForm>;
  /**
   * The clerk's corrections of the guessed column mapping (列对应): those kept in the settings, as changed since
   * (a change lasts until it is remembered or another ledger or sheet is chosen).
   */
  columns: ColumnChoice;
  /** field → the header to read it from ('' = none); null = back to Banli's guess. */
  setColumn(field: Field, header: string | null): void;
  /** 记住列对应 for the 列对应 list: where the settings are kept (the document, the browser); undefined where they are not. */
  rememberColumns: RememberColumns | undefined;
  setAsOf(day: string): void;
  setSheet(sheet: string): void;
  setField(k: keyof OptionsForm, v: string): void;
  openFile(file: File): Promise<void>;
  /** Several files (or a folder's workbooks) read as one ledger; one file is opened as openFile does. */
  openFiles(files: File[]): Promise<void>;
  openSample(): Promise<void>;
  cancel(): void;
  downloadAnnotated(): Promise<void>;
  /** The circular with the shared settings; an error names the field to fix. */
  downloadCircular(): Promise<void>;
  row: Engine['row'];
  /** The file a finding's cell is in when several files are combined (undefined for one file). */
  fileOf(cell: string | null): string | undefined;
  /** The settings (banli.config.json's content) the engine checks with; kept in the browser when storage is given. */
  settings: ConfigFile;
  /** Why the settings kept in the browser were not used, or null. */
  settingsProblem: string | null;
  /**
   * Where they are kept: in this browser, in the document, nowhere because the browser refuses (the page), or
   * nowhere because the host cannot keep them (for this session only).
   */
  settingsPlace: 'browser' | 'document' | 'refused' | 'session';
  /** Uses new settings (the engine checks them again) and keeps them; resolves to what to tell the clerk. */
  setSettings(file: ConfigFile): Promise<string>;
  files: () => Promise<PageFiles>;
  say(n: Notice | null): void;
  /** 设置's form as the clerk left it (kept while the tab is closed), until 保存 or 恢复默认. */
  settingsDraft: KeptSettingsDraft;
  /** Whether 设置's form holds changes not yet saved. */
  settingsUnsaved: boolean;
}

const Ctx = React.createContext<LedgerState | null>(null);

export function useLedger(): LedgerState {
  const s = React.useContext(Ctx);
  if (!s) throw new Error('useLedger outside LedgerProvider');
  return s;
}

async function fileBytes(f: File): Promise<Uint8Array> {
  if (typeof f.arrayBuffer === 'function') return new Uint8Array(await f.arrayBuffer());
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(f);
  });
}

/** Where the page keeps its settings between visits. */
export const SETTINGS_KEY = 'banli.config';

/** The page's localStorage, or null where the browser refuses it (some block it for pages opened from disk). */
export function browserStorage(): Storage | null {
  try {
    const s = window.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

/** The file's name with its folder when it was chosen in a folder (回执/单位01.xlsx), else its name. */
function pathOf(f: File): string {
  return (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
}

/** How far reading has come, 0…1 (several files: the files done and the share of the one being read), or undefined. */
export function progressValue(p?: Progress): number | undefined {
  if (!p) return undefined;
  const part = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  if (p.file && p.file.count > 1) return (p.file.index - 1 + part) / p.file.count;
  return p.total > 0 ? part : undefined;
}

/**
 * "正在读取 台账.xlsx：12,000 / 100,000 行（12%）"; several files: "正在读取第 2 / 8 个文件 单位02.xlsx（1,391 / 1,392 行），
 * 共完成 24%" — the percentage is always the bar's (progressValue); the phase alone while the amount is unknown.
 */
export function progressText(nameIn: string, p?: Progress): string {
  const n = (x: number) => x.toLocaleString('zh-CN');
  const several = p?.file && p.file.count > 1 ? p.file : null;
  if (p && p.phase !== 'read') return `正在检查 ${several ? several.name : nameIn}…`;
  const value = progressValue(p);
  const percent = value === undefined ? null : Math.min(100, Math.floor(value * 100));
  const rows = p && p.total > 0 ? `${n(Math.min(p.done, p.total))} / ${n(p.total)} 行` : p && p.done > 0 ? `已读取 ${n(p.done)} 行` : '';
  if (several) return `正在读取第 ${several.index} / ${several.count} 个文件 ${several.name}${rows ? `（${rows}）` : ''}，共完成 ${percent ?? 0}%`;
  if (rows && percent !== null) return `正在读取 ${nameIn}：${rows}（${percent}%）`;
  if (rows) return `正在读取 ${nameIn}：${rows}…`;
  return `正在读取 ${nameIn}…`;
}

/** The items of a check: the circular's count (an item on several rows, or in two files, counts once). */
export function itemsOf(v: Extract<PageView, { ok: true }>): number {
  return v.data.totals.total;
}


/** What several files mean for the check, in words: a copy left out, the same items found in two files, workbooks without a ledger. */
export function combinedText(v: PageView): string {
  if (!v.ok || !v.combined) return '';
  const copies = (v.combined.copies ?? []).map(
    (c) => `${c.name} 中的 ${c.items} 件在 ${c.of} 中都有（同一来源、编号和主办单位），可能是同一个台账选了两份（如另存的副本）：只按 ${c.of} 检查，${c.name} 未计入。`,
  );
  const shared = v.combined.shared.map(
    (x) =>
      `其中 ${x.items} 件${inFiles(x.files)}都有（同一来源、编号和主办单位）${x.copy ? `，可能是同一个台账选了${x.files.length === 2 ? '两' : '几'}份（如另存的副本）` : ''}，每件只计一次。`,
  );
  const none = v.combined.noLedger;
  const left = none.length ? `${none.length} 个工作簿中没有台账，未计入：${listed(none.map((x) => x.name))}。` : '';
  return `${copies.join('')}${shared.join('')}${left}`;
}

/** The workbooks whose ledger was counted (not those without one, nor a copy left out). */
export function countedFiles(o: OpenedLedger, v: PageView | null): string[] {
  const out = new Set([...(v?.ok ? (v.combined?.noLedger ?? []) : []).map((x) => x.name), ...(v?.ok ? (v.combined?.copies ?? []) : []).map((x) => x.name)]);
  return o.files.filter((f) => !out.has(f));
}

/** The ledger as the totals name it: the file, or 合并的 N 个工作簿 counting only those whose ledger was counted. */
export function ledgerName(o: OpenedLedger, v: PageView | null): string {
  if (o.files.length <= 1) return o.name;
  const counted = countedFiles(o, v);
  return counted.length === 1 ? counted[0] : counted.length === o.files.length ? o.name : `合并的 ${counted.length} 个工作簿`;
}

/** What opening said: the items and the headline; for several files, how many were read and what was left out. */
export function openedNotice(o: OpenedLedger, v: Extract<PageView, { ok: true }>): Notice {
  const items = itemsOf(v);
  const headline = v.headline;
  if (o.settings) {
    // The settings saved in the workbook: used, or why not (a bad value, or the page's own settings differ).
    const n = openedNotice({ ...o, settings: undefined }, v);
    return { intent: o.settings.used || n.intent !== 'success' ? n.intent : 'warning', text: `${n.text}${o.settings.message}` };
  }
  if (o.files.length <= 1 && o.unreadable.length === 0 && o.skipped.length === 0) return { intent: 'success', text: `已打开 ${o.name}：${items} 件。${headline}` };
  const none = v.combined?.noLedger.length ?? 0;
  const withLedger = o.files.length - none;
  const counted = countedFiles(o, v).length;
  // Workbooks without a ledger are not said to be read “as one ledger”: 已读取 3 个工作簿，其中 1 个有台账; nor a copy left out.
  const read =
    o.files.length <= 1
      ? `已打开 ${o.files[0]}：${items} 件。`
      : counted < withLedger
        ? `已读取 ${o.files.length} 个工作簿，按其中 ${counted} 个${counted > 1 ? '作为一个台账' : ''}检查：${items} 件。`
        : none > 0
          ? `已读取 ${o.files.length} 个工作簿，其中 ${withLedger} 个有台账${withLedger > 1 ? '，作为一个台账检查' : ''}：${items} 件。`
          : `已合并读取 ${o.files.length} 个工作簿，作为一个台账检查：${items} 件。`;
  const left = [o.unreadable.length ? `${o.unreadable.length} 个文件无法读取，未计入` : '', o.skipped.length ? `跳过 ${o.skipped.length} 个文件` : ''].filter(Boolean).join('，');
  const combined = combinedText(v);
  const warn = o.unreadable.length > 0 || combined !== '';
  return { intent: warn ? 'warning' : 'success', text: `${read}${combined}${left ? `${left}（见“${FILES_HEADING}”）。` : ''}${headline}` };
}

/** What a re-check said (the date, the sheet, a column or the settings changed): the new figures. */
export function recheckNotice(o: OpenedLedger, v: Extract<PageView, { ok: true }>, why: string): Notice {
  const combined = combinedText(v);
  return { intent: combined ? 'warning' : 'success', text: `已按${why}重新检查 ${o.name}：${itemsOf(v)} 件。${combined}${v.headline}`, keepFocus: true };
}

export function LedgerProvider({
  files = lazyFiles,
  initialAsOf,
  initialForm,
  storage,
  configStore,
  children,
}: {
  files?: () => Promise<PageFiles>;
  initialAsOf?: string;
  /** Settings saved earlier (in a Word document): all of them count as typed. */
  initialForm?: OptionsForm;
  /**
   * Keeps the settings between visits: the standalone page passes localStorage, or null where the browser refuses
   * it (the page then says so); left out where the host has no such place (the settings hold for the session).
   */
  storage?: Storage | null;
  /** Keeps the settings in the document instead (the Word pane: Word's document settings). */
  configStore?: ConfigStore;
  children: React.ReactNode;
}): React.JSX.Element {
  const [opened, setOpened] = React.useState<OpenedLedger | null>(null);
  const [view, setView] = React.useState<PageView | null>(null);
  // The view a re-check (another sheet, column, date or settings) gave: its problem is said without taking the focus.
  const [rechecked, setRechecked] = React.useState(false);
  const [asOf, setAsOfState] = React.useState(initialAsOf ?? today());
  const [sheet, setSheet] = React.useState('');
  const [edited, setColumns] = React.useState<ColumnChoice | null>(null);
  const [busy, setBusy] = React.useState<Busy | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [form, setForm] = React.useState<OptionsForm>(() => initialForm ?? defaultsFor(null, initialAsOf ?? today()));
  const [touched, setTouched] = React.useState<ReadonlySet<keyof OptionsForm>>(() => new Set(initialForm ? (Object.keys(initialForm) as Array<keyof OptionsForm>) : []));
  const [stored, setStored] = React.useState(() => {
    if (configStore) return configStore.load();
    try {
      return readStored(storage?.getItem(SETTINGS_KEY) ?? null, '本浏览器中');
    } catch {
      return { file: null, problem: null };
    }
  });
  const [settings, setSettingsState] = React.useState<ConfigFile>(() => stored.file ?? defaultSettings());
  const [draftState, setDraftState] = React.useState<SettingsDraftState | null>(null);
  const settingsDraft = React.useMemo<KeptSettingsDraft>(() => ({ value: draftState, set: setDraftState }), [draftState]);
  const settingsUnsaved = React.useMemo(() => !!draftState && !sameSettings(fileFromDraft(draftState.draft).file, settings), [draftState, settings]);
  // The 列对应 kept in this page's (or document's) settings, and the one in force: the clerk's change, else what the
  // last check was made with (the settings in force: these, or those saved in the workbook opened), else the kept one.
  const storedColumns = React.useMemo(() => columnChoiceOf(settings), [settings]);
  const columns = edited ?? (view?.ok ? view.chosen : storedColumns);
  // The settings the engine was last given (it keeps them, also across a restart).
  const configured = React.useRef<ConfigFile | null>(null);
  const seq = React.useRef(0);
  const fresh = React.useRef<OpenedLedger | null>(null);
  // Why the next check is made (said with its figures), or that its figures have been said already (settings saved).
  const why = React.useRef<{ text: string; said?: boolean } | null>(null);
  const engineRef = React.useRef<Engine | null>(null);
  const engine = async () => (engineRef.current ??= await (await files()).engine());

  // Start the engine (the worker) once the page is up, not in the click that opens the first ledger.
  React.useEffect(() => {
    const t = setTimeout(() => void engine().catch(() => undefined), 300);
    return () => clearTimeout(t);
  }, []);

  // Check whenever the ledger, the day or the sheet changes (in the engine; only results come back).
  React.useEffect(() => {
    if (!opened) return;
    const n = ++seq.current;
    setBusy({ label: `正在检查 ${opened.name}…` });
    void engine()
      .then(async (e) => {
        if (configured.current !== settings) {
          await e.configure(settings);
          configured.current = settings;
        }
        return e.check(asOf, sheet || undefined, edited ?? undefined);
      })
      .then(
        (v) => {
          if (n !== seq.current) return;
          // A large result renders in slices (a transition), so the page never stalls on it.
          const again = fresh.current !== opened;
          React.startTransition(() => {
            setView(v);
            setRechecked(again);
            setBusy(null);
          });
          // Opening ends when the check is done: say what was found, once. Every later check says its new figures
          // (a re-check keeps the focus where the clerk is: the date, the sheet or the column just changed).
          const reason = why.current;
          why.current = null;
          if (fresh.current === opened) {
            fresh.current = null;
            if (v.ok) React.startTransition(() => setNotice(openedNotice(opened, v)));
          } else if (!reason?.said) {
            React.startTransition(() => setNotice(v.ok ? recheckNotice(opened, v, reason?.text ?? '新的设置') : null));
          }
        },
        (e) => {
          if (n !== seq.current) return;
          setView({ ok: false, message: errorMessage(e) });
          setBusy(null);
          fresh.current = null;
          why.current = null;
        },
      );
  }, [opened, asOf, sheet, edited, settings]);

  // A re-check's problem (a sheet passed over with ↓ that holds no ledger) leaves the focus in the field just changed.
  const problem = React.useMemo<Notice | null>(() => (view && !view.ok ? { intent: 'error', text: view.message, ...(rechecked ? { keepFocus: true } : {}) } : null), [view, rechecked]);

  // Fields the clerk has not typed follow 年度 (the year typed there, else the ledger's) and the as-of day: a title
  // and a 发文字号 not typed by hand always name the circular's year.
  const typedYear = touched.has('year') ? yearOf(form) : null;
  const year = typedYear ?? (view?.ok ? view.year : null);
  // Another 发文机关 typed: the fields not typed take its defaults (its 标志, its office as 印发机关, 各承办单位 …).
  const typedBody = touched.has('issuingBody') ? form.issuingBody.trim() : '';
  const typed = touched.has('date') ? parseDateInput(form.date) : null;
  const typedDate = typed?.kind === 'ok' ? typed.day : undefined;
  React.useEffect(() => {
    setForm((f) => follow(f, touched, defaultsFor(year, asOf, typedBody, typedDate)));
  }, [year, asOf, touched, typedBody, typedDate]);

  // How the ledger open now was read (its files are read again when a new pick is cancelled: the engine let it go).
  const current = React.useRef<{ name: string; read: () => Promise<LedgerFile[]> } | null>(null);
  // What was open when a new pick started: brought back by 取消.
  const previous = React.useRef<{ name: string; read: () => Promise<LedgerFile[]>; sheet: string; edited: ColumnChoice | null } | null>(null);

  const open = async (name: string, read: () => Promise<LedgerFile[]>, day?: string) => {
    const n = ++seq.current;
    why.current = null;
    if (!busy?.cancellable) previous.current = opened && current.current ? { ...current.current, sheet, edited } : null;
    React.startTransition(() => {
      setOpened(null);
      setView(null);
      setNotice(null);
      setBusy({ label: progressText(name), cancellable: true });
    });
    try {
      const e = await engine();
      const o = await e.open(await read(), (p) => n === seq.current && setBusy({ label: progressText(name, p), progress: p, cancellable: true }));
      if (n !== seq.current) return;
      fresh.current = o;
      current.current = { name, read };
      previous.current = null;
      React.startTransition(() => {
        setSheet('');
        setColumns(null);
        if (day) setAsOfState(day);
        setOpened(o);
      });
    } catch (err) {
      if (n !== seq.current) return;
      current.current = null;
      previous.current = null;
      const text = errorMessage(err);
      setNotice({ intent: 'error', text: text.includes(name) ? text : `${name}：${text}` });
      setBusy(null);
    }
  };

  const cancel = () => {
    const n = ++seq.current;
    engineRef.current?.cancel();
    setOpened(null);
    setView(null);
    const back = previous.current;
    previous.current = null;
    if (!back) {
      current.current = null;
      setBusy(null);
      setNotice({ intent: 'info', text: '已取消打开台账。' });
      return;
    }
    // The ledger open before the new pick comes back (read again: the engine let it go), with its sheet and 列对应.
    setNotice(null);
    setBusy({ label: `已取消，正在重新打开原来的 ${back.name}…` });
    void (async () => {
      try {
        const o = await (await engine()).open(await back.read());
        if (n !== seq.current) return;
        current.current = { name: back.name, read: back.read };
        why.current = { text: '', said: true };
        setSheet(back.sheet);
        setColumns(back.edited);
        setOpened(o);
        setNotice({ intent: 'info', text: `已取消打开新的台账，仍使用原来的 ${o.name}。` });
      } catch (err) {
        if (n !== seq.current) return;
        current.current = null;
        setBusy(null);
        setNotice({ intent: 'info', text: `已取消打开台账。原来的 ${back.name} 没能重新打开：${errorMessage(err)}` });
      }
    })();
  };

  // The message that a field of the circular's form is wrong: it goes once the form changes (the field put right,
  // or another message in its place).
  const formNotice = React.useRef<Notice | null>(null);
  React.useEffect(() => {
    const n = formNotice.current;
    formNotice.current = null;
    if (n) setNotice((cur) => (cur === n ? null : cur));
  }, [form]);

  const act = async (label: string, fn: () => Promise<string | Notice>) => {
    setBusy({ label });
    setNotice(null);
    try {
      const r = await fn();
      setNotice(typeof r === 'string' ? { intent: 'success', text: r } : r);
    } catch (e) {
      setNotice({ intent: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const baseName = (opened?.name ?? '台账').replace(/\.(xlsx|xlsm)$/i, '');
  const several = (opened?.files.length ?? 0) > 1;

  const openFiles = async (chosen: File[]) => {
    // From a folder: its workbooks, and spreadsheets of other formats (.xls, .ods, .csv, .et …: read to be named as
    // not read, with what to do — never silently left out); its other files are no ledgers. Files chosen by name are
    // all tried.
    const list = chosen.filter((f) => !(f as File & { webkitRelativePath?: string }).webkitRelativePath || isWorkbookName(f.name) || isOtherSpreadsheetName(f.name));
    if (list.length === 0) {
      const folder = chosen.length ? pathOf(chosen[0]).split('/')[0] : '';
      setNotice({ intent: 'error', text: folder ? `文件夹“${folder}”里没有 .xlsx 工作簿。请选择存放台账工作簿的文件夹，或直接选择工作簿。` : '没有选择文件。' });
      return;
    }
    if (list.length === 1) return open(list[0].name, async () => [{ bytes: await fileBytes(list[0]), name: list[0].name }]);
    return open(`${list.length} 个文件`, async () => Promise.all(list.map(async (f) => ({ bytes: await fileBytes(f), name: pathOf(f) }))));
  };

  // Uses new settings (the engine checks with them again) and keeps them where this host keeps settings.
  const setSettings = async (file: ConfigFile): Promise<string> => {
    // Kept with the document first: when Word cannot save them, nothing changes and the clerk is told why.
    if (configStore) await configStore.save(file);
    const e = await engine();
    await e.configure(file);
    configured.current = file;
    // The open ledger checked with them now, so the message gives its new figures (the check tab's message too).
    let rechecked = '';
    if (opened) {
      const v = await e.check(asOf, sheet || undefined, undefined);
      rechecked = v.ok ? `，并已按新设置重新检查（${itemsOf(v)} 件；${v.headline.replace(/。$/, '')}）` : '，并已按新设置重新检查';
      if (v.ok) {
        why.current = { text: '新的设置', said: true };
        setNotice(markSaid(recheckNotice(opened, v, '新的设置')));
      }
    }
    setSettingsState(file);
    setStored({ file, problem: null }); // the bad value kept before is replaced: nothing more to report
    setColumns(null); // the 列对应 in force is now the one kept
    if (configStore) return `设置已保存在本文档中${rechecked}。以后打开这个文档生成或更新通报，仍按这些设置。`;
    let kept = !!storage;
    try {
      if (sameSettings(file, defaultSettings())) storage?.removeItem(SETTINGS_KEY);
      else storage?.setItem(SETTINGS_KEY, JSON.stringify(file));
    } catch {
      kept = false;
    }
    if (kept) return `设置已保存在本浏览器中${rechecked}。下次打开本页面仍然有效。`;
    if (storage === undefined) return `设置已应用${rechecked}。这里不能保存设置，关闭后需要重新设置（可以先“下载 banli.config.json”）。`;
    return `设置已应用${rechecked}。这个浏览器不允许本页面保存设置，关闭页面后需要重新设置（可以先“下载 banli.config.json”）。`;
  };

  const state: LedgerState = {
    opened,
    view,
    problem,
    asOf,
    sheet,
    busy,
    notice,
    form,
    touched,
    columns,
    setColumn: (field, header) => {
      why.current = { text: '改过的列对应' };
      setColumns((c) => {
        const next = { ...(c ?? columns) };
        if (header === null) delete next[field];
        else next[field] = header;
        return next;
      });
    },
    setAsOf: (day) => {
      if (day !== asOf) why.current = { text: `截至日期 ${day} ` };
      setAsOfState(day);
    },
    setSheet: (s) => {
      why.current = { text: s ? `工作表“${s}”` : '自动识别的工作表' };
      setSheet(s);
      setColumns(null);
    },
    rememberColumns:
      configStore || storage
        ? {
            saved: sameColumnChoice(columns, storedColumns),
            stored: Object.keys(storedColumns).length > 0,
            where: configStore ? '本文档中' : '本浏览器中',
            onRemember: () => void act('正在保存列对应…', async () => `${rememberedText(columns)}${await setSettings(withColumnChoice(settings, columns))}`),
          }
        : undefined,
    setField: (k, v) => {
      setForm((f) => ({ ...f, [k]: v }));
      setTouched((t) => new Set(t).add(k));
    },
    openFile: (f) => openFiles([f]),
    openFiles,
    openSample: async () => open(SAMPLE_NAME, async () => [{ bytes: await (await files()).sample(), name: SAMPLE_NAME }], SAMPLE_AS_OF),
    cancel,
    downloadAnnotated: () =>
      act('正在生成标注副本…', async () => {
        const bytes = await (await engine()).annotated(asOf, sheet || undefined, edited ?? undefined);
        if (several) {
          // One annotated copy per workbook, in one .zip (a browser would ask about, or block, 40 downloads).
          const name = `台账标注副本（${opened!.files.length} 个工作簿）.zip`;
          (await files()).download(bytes, name, ZIP_TYPE);
          return `已生成 ${name}：每个工作簿一份标注副本，请在浏览器的下载中查看并解压。`;
        }
        const name = `${baseName}（已标注）.xlsx`;
        (await files()).download(bytes, name, XLSX_TYPE);
        return `已生成 ${name}，请在浏览器的下载中查看。`;
      }),
    downloadCircular: async () => {
      const problem = firstError(formErrors(form));
      if (problem) {
        const n: Notice = { intent: 'error', text: `${problem}请在“生成通报”中改正后再下载。` };
        formNotice.current = n;
        setNotice(n);
        return;
      }
      const options = optionsFrom(form);
      return act('正在生成通报…', async () => {
        const bytes = await (await engine()).circular(options, asOf, sheet || undefined, edited ?? undefined);
        const name = `通报-${options.year}.docx`;
        (await files()).download(bytes, name, DOCX_TYPE);
        // The 表扬单位 of 设置 left out (problems found, or no unit of the ledger): said with the result.
        const praise = view?.ok ? praiseText(compositionNotes(circularDataOf(view), options, asOf)) : '';
        return { intent: praise ? 'warning' : 'success', text: `已生成 ${name}（${options.docNumber}），请在浏览器的下载中查看。${praise}` };
      });
    },
    row: async (s, r, f) => (await engine()).row(s, r, f),
    fileOf: (cell) => (several && opened ? (fileOfCell(cell, opened.files) ?? undefined) : undefined),
    settings,
    settingsProblem: stored.problem,
    settingsPlace: configStore ? 'document' : storage ? 'browser' : storage === null ? 'refused' : 'session',
    setSettings,
    files,
    say: setNotice,
    settingsDraft,
    settingsUnsaved,
  };
  return <Ctx.Provider value={state}>{children}</Ctx.Provider>;
}
