/**
 * The Excel pane: check the open ledger in place, mark and clear, summary sheet; re-checks on change. 设置 edits
 * banli.config.json's settings, kept with the workbook (document settings) when the clerk presses 保存.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles } from '@fluentui/react-components';
import { ColumnChoice, ConfigFile, Field, Finding, Grid, columnChoiceOf, configFromFile, sameColumnChoice, today, totalsView, withColumnChoice } from '../core';
import { defaultSettings } from '../config/form';
import { ExcelHost } from '../excel/host';
import { capabilityNotes } from '../excel/requirements';
import { CheckOutcome, cellOnly, errorMessage, runCheck, sheetChoices } from './model';
import { Findings } from './components/Findings';
import { Totals } from './components/Totals';
import { CheckControls, Status, StatusMessage } from './components/CheckControls';
import { Header, useLayout } from './components/Layout';
import { clerkWords } from './settingsWords';
import { ColumnMapping, rememberedText } from './components/ColumnMapping';
import { Tabs } from './components/Tabs';
import { SettingsView } from './components/SettingsView';

export const RECHECK_DELAY_MS = 1500;

const usePane = makeStyles({ panel: { display: 'flex', flexDirection: 'column', rowGap: '8px', minWidth: 0, paddingTop: '8px' } });

type Message = StatusMessage;

/** Why a check runs again, as the notice says it; keepFocus: said without moving the focus. */
interface Recheck {
  text: string;
  keepFocus: boolean;
}

export function ExcelPane({ host, initialAsOf, recheckDelay = RECHECK_DELAY_MS }: { host: ExcelHost; initialAsOf?: string; recheckDelay?: number }): React.JSX.Element {
  const s = useLayout();
  const p = usePane();
  const [grids, setGrids] = React.useState<Grid[] | null>(null);
  const [sheet, setSheetState] = React.useState<string>('');
  const [asOf, setAsOf] = React.useState(initialAsOf ?? today());
  const [busy, setBusy] = React.useState<{ label: string; value?: number } | null>(null);
  const [message, setMessage] = React.useState<Message | null>(null);
  const notes = capabilityNotes(host.capabilities);
  const [tab, setTabState] = React.useState<'check' | 'settings'>('check');
  // 设置 is made when first opened, then kept (with what the clerk typed) while the tabs switch.
  const [settingsOpened, setSettingsOpened] = React.useState(false);
  const setTab = (t: 'check' | 'settings') => {
    setTabState(t);
    if (t === 'settings') setSettingsOpened(true);
  };
  // The settings kept in the workbook (read once when the pane opens); an unusable stored value is reported.
  const stored = React.useMemo(() => host.settings?.load() ?? { file: null, problem: null }, [host]);
  // Once settings are saved in its place, the unusable stored value is gone: nothing more to report.
  const [replaced, setReplaced] = React.useState(false);
  const storedProblem = replaced ? null : stored.problem;
  const [settings, setSettings] = React.useState<ConfigFile>(() => stored.file ?? defaultSettings());
  const config = React.useMemo(() => configFromFile(settings), [settings]);
  // The clerk's corrections of the guessed column mapping (列对应): null = as kept in the settings (a new sheet, or
  // settings just saved, start from there); a correction lasts until remembered or another sheet is chosen.
  const storedColumns = React.useMemo(() => columnChoiceOf(settings), [settings]);
  const [edited, setColumns] = React.useState<ColumnChoice | null>(null);
  const columns = edited ?? storedColumns;
  const setSheet = (v: string) => {
    if (v !== sheet) recheckFor({ text: v ? `已按工作表“${v}”重新检查` : '已按自动找到的台账工作表重新检查', keepFocus: true });
    setSheetState(v);
    setColumns(null);
  };
  const choose = (field: Field, header: string | null) => {
    recheckFor({ text: '已按新的列对应重新检查', keepFocus: true });
    setColumns((c) => {
      const next = { ...(c ?? storedColumns) };
      if (header === null) delete next[field];
      else next[field] = header;
      return next;
    });
  };
  const saveSettings = async (file: ConfigFile) => {
    if (!host.settings) {
      setSettings(file);
      return '已应用。这个版本的 Excel 不能把设置保存在工作簿中，关闭窗格后需要重新设置。';
    }
    await host.settings.save(file);
    setSettings(file);
    setColumns(null);
    setReplaced(true);
    return '设置已保存到工作簿，并已按新设置重新检查。请像平常一样保存工作簿（Ctrl+S），下次打开仍然有效。';
  };

  const outcome: CheckOutcome | null = React.useMemo(
    () => (grids ? runCheck(grids, asOf, sheet || undefined, columns, config) : null),
    [grids, asOf, sheet, columns, config],
  );
  const analysis = outcome?.ok ? outcome.analysis : null;
  const view = React.useMemo(() => (analysis ? totalsView(analysis) : null), [analysis]);

  // Why the next check runs, said with its new figures once it has run (seen and heard: the list below changes
  // without a word otherwise). null: nothing to say (the first check when the pane opens says itself by its totals).
  const why = React.useRef<Recheck | null>(null);
  React.useEffect(() => {
    const reason = why.current;
    why.current = null;
    if (!reason || !outcome?.ok || !view) return;
    setMessage({ intent: 'success', text: `${reason.text}：${outcome.analysis.totals.total} 件。${view.headline}`, keepFocus: reason.keepFocus });
  }, [outcome, view]);
  const recheckFor = (reason: Recheck) => {
    why.current = reason;
    setMessage(null);
  };
  const setAsOfAndSay = (d: string) => {
    if (d !== asOf) recheckFor({ text: `已按截至日期 ${d} 重新检查`, keepFocus: true });
    setAsOf(d);
  };

  const read = React.useCallback(async (reason: Recheck | null = null) => {
    setBusy({ label: '正在读取工作簿…' });
    try {
      const g = await host.read((p) => setBusy({ label: `正在读取第 ${p.block}/${p.blocks} 块（每块最多 5000 行）`, value: p.block / p.blocks }));
      why.current = reason;
      setGrids(g);
    } catch (e) {
      why.current = null;
      setMessage({ intent: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  }, [host]);

  React.useEffect(() => {
    if (host.capabilities.basic) void read();
  }, [host, read]);

  // Re-check when the ledger sheet changes, a moment after the last edit.
  const ledgerSheet = analysis?.ledger.sheet;
  React.useEffect(() => {
    if (!ledgerSheet) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let off: (() => Promise<void>) | undefined;
    let live = true;
    void host
      .onChanged(ledgerSheet, () => {
        if (timer) clearTimeout(timer);
        // Said without taking the focus: the clerk is typing in the worksheet.
        timer = setTimeout(() => live && void read({ text: `工作表“${ledgerSheet}”有改动，已重新检查`, keepFocus: true }), recheckDelay);
      })
      .then((unsubscribe) => {
        if (live) off = unsubscribe;
        else void unsubscribe();
      });
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      void off?.();
    };
  }, [host, ledgerSheet, read, recheckDelay]);

  const act = async (label: string, fn: () => Promise<string>) => {
    setBusy({ label });
    setMessage(null);
    try {
      setMessage({ intent: 'success', text: await fn() });
    } catch (e) {
      setMessage({ intent: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const rememberColumns = () => act('正在保存列对应…', async () => `${rememberedText(columns)}${await saveSettings(withColumnChoice(settings, columns))}`);
  const mark = () =>
    act('正在标记问题单元格…', async () => {
      const r = await host.mark(analysis!.findings);
      return `已标记 ${r.marked} 个单元格（错误为红色，警告为黄色${r.notes ? '，并加了批注' : '；这个版本的 Excel 不支持批注，只着色'}）${r.restored ? `，${r.restored} 个已不再有问题的单元格已恢复原样` : ''}。单元格的值没有改动；“清除标记”可以恢复原样。`;
    });
  const clear = () =>
    act('正在清除标记…', async () => {
      const r = await host.clear();
      return r.restored ? `已恢复 ${r.restored} 个单元格原来的底色和批注。` : '没有需要清除的标记。';
    });
  const summary = () =>
    act('正在生成统计表…', async () => `已生成工作表“${await host.summary(analysis!, asOf)}”（按来源统计、各承办单位情况和图表）。`);
  const select = (f: Finding) => {
    if (!f.cell) return;
    void host.select(f.sheet, cellOnly(f.cell)).catch((e) => setMessage({ intent: 'error', text: errorMessage(e) }));
  };

  return (
    <main className={s.root}>
      <Header subtitle="检查当前工作簿中的办理台账：交办、答复和征询意见各列。" />
      {notes.map((n) => (
        <MessageBar key={n} intent="warning">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      <Tabs
        label="功能"
        panelId="banli-excel"
        tabs={[
          ['check', '检查'],
          ['settings', '设置'],
        ]}
        value={tab}
        onChange={setTab}
      />
      <div role="tabpanel" id="banli-excel" aria-labelledby={`banli-excel-tab-${tab}`}>
        <div hidden={tab !== 'check'}>
          <div className={p.panel}>
            {storedProblem && (
              <MessageBar intent="warning">
                <MessageBarBody>{clerkWords(storedProblem)}</MessageBarBody>
              </MessageBar>
            )}
            {host.capabilities.basic && (
              <>
                <CheckControls sheets={grids ? sheetChoices(grids) : []} sheet={sheet} onSheet={setSheet} detected={ledgerSheet} asOf={asOf} onAsOf={setAsOfAndSay} />
                <div className={s.actions}>
                  <Button appearance="primary" onClick={() => void read({ text: '已重新检查', keepFocus: false })} disabled={!!busy}>
                    重新检查
                  </Button>
                  <Button onClick={() => void mark()} disabled={!!busy || !analysis || analysis.findings.length === 0}>
                    标记问题
                  </Button>
                  <Button onClick={() => void clear()} disabled={!!busy}>
                    清除标记
                  </Button>
                  <Button onClick={() => void summary()} disabled={!!busy || !analysis}>
                    生成统计表
                  </Button>
                </div>
              </>
            )}
            <Status busy={busy} message={message} problem={outcome && !outcome.ok ? outcome.message : null} />
            {outcome && !outcome.ok && Object.keys(columns).length > 0 && (
              <div className={s.actions}>
                <Button
                  onClick={() => {
                    recheckFor({ text: '已按自动识别的列对应重新检查', keepFocus: false });
                    setColumns({});
                  }}
                >
                  恢复自动识别的列对应
                </Button>
              </div>
            )}
            {analysis && <Totals totals={view!} items={analysis.totals.total} source="当前工作簿" />}
            {view && (
              <ColumnMapping
                columns={view.columns}
                headers={view.headers}
                choice={columns}
                disabled={!!busy}
                onChoose={choose}
                remember={host.settings ? { saved: sameColumnChoice(columns, storedColumns), stored: Object.keys(storedColumns).length > 0, where: '工作簿中', onRemember: () => void rememberColumns() } : undefined}
              />
            )}
            {analysis && <Findings findings={analysis.findings} notRun={analysis.notRun} onSelect={select} />}
          </div>
        </div>
        {settingsOpened && (
          <div hidden={tab !== 'settings'}>
            <SettingsView
              value={settings}
              onSave={saveSettings}
              saveLabel={host.settings ? '保存' : '应用'}
              where={
                host.settings
                  ? `这些设置随工作簿保存（${host.product === 'wps' ? '在工作簿中一个隐藏的工作表“办理助手数据”里' : '在工作簿的加载项设置中'}），检查这本工作簿时使用。只有点“保存”时才改动工作簿；恢复默认后保存，工作簿中就不再有这些设置。`
                  : '这个版本的 Excel 不能把设置保存在工作簿中：点“应用”后，设置只在这次打开窗格时有效。'
              }
              storedProblem={storedProblem}
              disabled={!!busy}
            />
          </div>
        )}
      </div>
    </main>
  );
}
