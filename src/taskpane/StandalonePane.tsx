/**
 * The check in a plain browser (no Office host): open or drop a .xlsx (or several, or a folder of them: one ledger), or the sample; the same totals and findings;
 * download the annotated workbook and the circular. The ledger is the page's (shared with 生成通报), read and
 * checked in a Web Worker; nothing is sent anywhere.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { Finding } from '../core';
import { countedFiles, itemsOf, ledgerName, progressValue, useLedger } from './ledger';
import { Findings } from './components/Findings';
import { Totals } from './components/Totals';
import { CheckControls, Status } from './components/CheckControls';
import { Header, useLayout } from './components/Layout';
import { LedgerPicker } from './components/LedgerPicker';
import { clerkWords } from './settingsWords';
import { ColumnMapping } from './components/ColumnMapping';
import { OpenedFiles } from './components/OpenedFiles';

export { SAMPLE_AS_OF } from './ledger';

export function StandalonePane({ intro }: { intro?: string }): React.JSX.Element {
  const s = useLayout();
  const l = useLedger();
  const view = l.view?.ok ? l.view : null;
  const busy = !!l.busy;

  // The findings list renders after the totals, in its own low-priority pass (a large ledger has thousands).
  const findings = React.useDeferredValue(view);
  const detail = React.useCallback((f: Finding) => l.row(f.sheet, f.row ?? 0, l.fileOf(f.cell)), [l]);

  return (
    <main className={s.root}>
      <Header subtitle={intro ?? '在浏览器中检查办理台账（.xlsx）。文件只在本机处理，不会上传到任何地方。'} />
      {l.settingsProblem && (
        <MessageBar intent="warning">
          <MessageBarBody>{clerkWords(l.settingsProblem)}</MessageBarBody>
        </MessageBar>
      )}
      <LedgerPicker disabled={busy} onFiles={(f) => void l.openFiles(f)} onSample={() => void l.openSample()} current={l.opened?.name} />
      <CheckControls sheets={l.opened?.sheets ?? []} sheet={l.sheet} onSheet={l.setSheet} detected={view?.sheet} asOf={l.asOf} onAsOf={l.setAsOf} />
      {view && (
        <div className={s.actions}>
          <Button onClick={() => void l.downloadAnnotated()} disabled={busy}>
            下载标注副本
          </Button>
          <Button onClick={() => void l.downloadCircular()} disabled={busy}>
            下载通报（.docx）
          </Button>
        </div>
      )}
      <Status
        busy={l.busy ? { label: l.busy.label, value: progressValue(l.busy.progress), cancellable: l.busy.cancellable } : null}
        message={l.notice}
        problem={l.problem}
        onCancel={l.cancel}
      />
      {l.view && !l.view.ok && Object.keys(l.columns).length > 0 && (
        <div className={s.actions}>
          <Button onClick={() => (Object.keys(l.columns) as Array<keyof typeof l.columns>).forEach((f) => l.setColumn(f, null))}>恢复自动识别的列对应</Button>
        </div>
      )}
      {l.opened && <OpenedFiles opened={l.opened} combined={view?.combined} />}
      {view && l.opened && <Totals totals={view} items={itemsOf(view)} source={ledgerName(l.opened, view)} where={countedFiles(l.opened, view).length > 1 ? '各工作簿的台账工作表' : undefined} />}
      {view && (
        <ColumnMapping
          columns={view.columns}
          headers={view.headers}
          choice={l.columns}
          disabled={busy}
          onChoose={l.setColumn}
          remember={l.rememberColumns}
        />
      )}
      {view && findings && <Findings findings={findings.findings} notRun={findings.notRun} detail={detail} />}
    </main>
  );
}
