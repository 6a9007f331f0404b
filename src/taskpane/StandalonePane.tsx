/**
 * The same pane in a plain browser (no Office host): open or drop a .xlsx, or the sample; the same totals and
 * findings; download the annotated workbook and the circular. exceljs comes in a separate chunk, loaded only here.
 * Nothing is sent anywhere.
 */
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { today } from '../core';
import { CheckOutcome, LoadedWorkbook, errorMessage, runCheck } from './model';
import { Findings } from './components/Findings';
import { Totals } from './components/Totals';
import { CheckControls, Status } from './components/CheckControls';
import { Header, useLayout } from './components/Layout';
import { LedgerPicker } from './components/LedgerPicker';

export const SAMPLE_AS_OF = '2021-07-19';

export interface FilesApi {
  loadFile(file: File): Promise<LoadedWorkbook>;
  loadSample(): Promise<LoadedWorkbook>;
  annotatedBlob(w: LoadedWorkbook, a: NonNullable<Extract<CheckOutcome, { ok: true }>>['analysis']): Promise<Blob>;
  circularBlob(a: NonNullable<Extract<CheckOutcome, { ok: true }>>['analysis'], asOf: string): Promise<Blob>;
  download(blob: Blob, name: string): void;
}

/** The file side, in its own chunk (exceljs is big; the pane inside Excel never loads it). */
export const lazyFiles = (): Promise<FilesApi> => import(/* webpackChunkName: "standalone-files" */ '../browser/files');

export function StandalonePane({ files = lazyFiles, intro }: { files?: () => Promise<FilesApi>; intro?: string }): React.JSX.Element {
  const s = useLayout();
  const [workbook, setWorkbook] = React.useState<LoadedWorkbook | null>(null);
  const [asOf, setAsOf] = React.useState(today());
  const [sheet, setSheet] = React.useState('');
  const [busy, setBusy] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const outcome = React.useMemo(() => (workbook ? runCheck(workbook.grids, asOf, sheet || undefined) : null), [workbook, asOf, sheet]);
  const analysis = outcome?.ok ? outcome.analysis : null;

  const open = async (label: string, load: (api: FilesApi) => Promise<LoadedWorkbook>, sampleDate?: string) => {
    setBusy(label);
    setMessage(null);
    try {
      const w = await load(await files());
      setSheet('');
      if (sampleDate) setAsOf(sampleDate);
      setWorkbook(w);
    } catch (e) {
      setMessage({ intent: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const save = async (label: string, make: (api: FilesApi) => Promise<[Blob, string]>) => {
    setBusy(label);
    try {
      const api = await files();
      const [blob, name] = await make(api);
      api.download(blob, name);
      setMessage({ intent: 'success', text: `已生成 ${name}，请在浏览器的下载中查看。` });
    } catch (e) {
      setMessage({ intent: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const base = workbook?.name.replace(/\.(xlsx|xlsm)$/i, '') ?? '台账';
  return (
    <main className={s.root}>
      <Header subtitle={intro ?? '在浏览器中检查办理台账（.xlsx）。文件只在本机处理，不会上传到任何地方。'} />
      <LedgerPicker
        disabled={!!busy}
        onFile={(f) => void open(`正在读取 ${f.name}…`, (api) => api.loadFile(f))}
        onSample={() => void open('正在打开示例台账…', (api) => api.loadSample(), SAMPLE_AS_OF)}
      />
      {workbook && (
        <CheckControls grids={workbook.grids} sheet={sheet} onSheet={setSheet} detected={analysis?.ledger.sheet} asOf={asOf} onAsOf={setAsOf} />
      )}
      {analysis && workbook && (
        <div className={s.actions}>
          <Button onClick={() => void save('正在生成标注副本…', async (api) => [await api.annotatedBlob(workbook, analysis), `${base}（已标注）.xlsx`])} disabled={!!busy}>
            下载标注副本
          </Button>
          <Button onClick={() => void save('正在生成通报…', async (api) => [await api.circularBlob(analysis, asOf), `通报-${asOf.slice(0, 4)}.docx`])} disabled={!!busy}>
            下载通报（.docx）
          </Button>
        </div>
      )}
      <Status busy={busy ? { label: busy } : null} message={message} problem={outcome && !outcome.ok ? outcome.message : null} />
      {analysis && workbook && <Totals analysis={analysis} source={workbook.name} />}
      {analysis && <Findings findings={analysis.findings} notRun={analysis.notRun} selectable={false} />}
    </main>
  );
}
