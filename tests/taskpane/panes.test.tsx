/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** The panes' flows with React Testing Library: the Excel pane over the real adapter and a fake workbook. */
import '../helpers/jsdom';
import * as React from 'react';
import { readFileSync } from 'fs';
import * as path from 'path';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CellValue, dayToSerial, parseDay } from '../../src/core';
import { ExcelHost } from '../../src/excel/host';
import { readGrids } from '../../src/excel/read';
import { clearMarks, markFindings, selectCell } from '../../src/excel/marks';
import { writeSummarySheet, SUMMARY_SHEET } from '../../src/excel/summarySheet';
import { ExcelCapabilities } from '../../src/excel/requirements';
import { ExcelPane } from '../../src/taskpane/ExcelPane';
import { FilesApi, StandalonePane } from '../../src/taskpane/StandalonePane';
import { LoadedWorkbook } from '../../src/xlsx/loaded';
import { readWorkbook } from '../../src/xlsx/read';
import { annotateBuffer } from '../../src/xlsx/annotate';
import { FakeExcel, FakeSheet, installExcelGlobals } from '../helpers/excelMock';

const SAMPLE = path.join(__dirname, '../../samples/ledger-2021.xlsx');
const ALL: ExcelCapabilities = { basic: true, changeEvents: true, fillPattern: true, notes: true };

let sample: LoadedWorkbook;
beforeAll(async () => {
  installExcelGlobals();
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const { grids, buffer } = await readWorkbook(bytes, 'ledger-2021.xlsx');
  sample = { name: 'ledger-2021.xlsx', grids, bytes: buffer };
});

function fakeFromSample(): FakeExcel {
  const asExcel = (v: CellValue) => (v instanceof Date ? dayToSerial((parseDay(v) as { day: string }).day) : v);
  return new FakeExcel(sample.grids.map((g) => FakeSheet.from(g.sheet, g.values.map((r) => r.map(asExcel)), g.top, g.left)));
}

/** The pane's host over the real adapter functions and the fake workbook; change events fired by the test. */
function hostOver(fake: FakeExcel, caps: ExcelCapabilities = ALL): ExcelHost & { fireChange: () => void; reads: number } {
  let listener: (() => void) | null = null;
  const host = {
    capabilities: caps,
    reads: 0,
    read: async (p?: Parameters<ExcelHost['read']>[0]) => {
      host.reads++;
      return readGrids(fake.context(), p);
    },
    mark: (f: Parameters<ExcelHost['mark']>[0]) => markFindings(fake.context(), f, caps),
    clear: () => clearMarks(fake.context(), caps),
    summary: (a: Parameters<ExcelHost['summary']>[0], asOf: string) => writeSummarySheet(fake.context(), a, asOf),
    select: (sheet: string, cell: string) => selectCell(fake.context(), sheet, cell),
    onChanged: async (_sheet: string, cb: () => void) => {
      listener = cb;
      return async () => {
        listener = null;
      };
    },
    fireChange: () => listener?.(),
  };
  return host;
}

const wrap = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe('Excel pane', () => {
  test('shows the totals in the circular’s terms and the findings by rule; a click selects the cell', async () => {
    const fake = fakeFromSample();
    wrap(<ExcelPane host={hostOver(fake)} initialAsOf="2021-07-19" />);
    const totals = await screen.findByLabelText('办理总数');
    expect(totals.textContent).toContain('共 1388 件：省人大建议、省政协提案 81 件');
    expect(totals.textContent).toContain('市人大建议 468 件（含闭会建议 14 件），市政协提案 839 件');
    expect(totals.textContent).toContain('人大建议 20 件，政协提案 8 件');
    const list = screen.getByLabelText('问题清单');
    const late = within(list).getByText('超期答复');
    expect(late.parentElement!.textContent).toContain('10');
    fireEvent.click(late);
    const items = await within(list).findAllByTitle('点击定位到这个单元格');
    const first = items.find((b) => b.getAttribute('data-cell')!.startsWith('台账!K'))!;
    fireEvent.click(first);
    await waitFor(() => expect(fake.selected).toBe(first.getAttribute('data-cell')));
  });

  test('标记问题 then 清除标记: fills and notes come and go; values never change', async () => {
    const fake = fakeFromSample();
    const before = JSON.stringify(fake.sheets.map((s) => [...s.cells]));
    wrap(<ExcelPane host={hostOver(fake)} initialAsOf="2021-07-19" />);
    await screen.findByLabelText('办理总数');
    fireEvent.click(screen.getByRole('button', { name: '标记问题' }));
    expect(await screen.findByText(/已标记 \d+ 个单元格/)).toBeTruthy();
    expect(fake.sheet('台账').fills.size).toBeGreaterThan(50);
    expect(fake.notes.size).toBeGreaterThan(50);
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    expect(await screen.findByText(/已恢复 \d+ 个单元格原来的底色和批注/)).toBeTruthy();
    expect(fake.sheet('台账').fills.size).toBe(0);
    expect(fake.notes.size).toBe(0);
    expect(JSON.stringify(fake.sheets.map((s) => [...s.cells]))).toBe(before);
  });

  test('生成统计表 writes the summary sheet', async () => {
    const fake = fakeFromSample();
    wrap(<ExcelPane host={hostOver(fake)} initialAsOf="2021-07-19" />);
    await screen.findByLabelText('办理总数');
    fireEvent.click(screen.getByRole('button', { name: '生成统计表' }));
    expect(await screen.findByText(/已生成工作表“办理统计”/)).toBeTruthy();
    expect(fake.sheet(SUMMARY_SHEET).charts).toHaveLength(2);
  });

  test('re-checks after the ledger changes, a moment after the last edit', async () => {
    const fake = fakeFromSample();
    const host = hostOver(fake);
    wrap(<ExcelPane host={host} initialAsOf="2021-07-19" recheckDelay={50} />);
    await screen.findByLabelText('办理总数');
    expect(host.reads).toBe(1);
    // The clerk fills in a missing lead unit.
    expect(fake.sheet('台账').cells.has('F456')).toBe(false);
    fake.sheet('台账').cells.set('F456', '市交通局');
    act(() => {
      host.fireChange();
      host.fireChange();
    });
    await waitFor(() => expect(host.reads).toBe(2));
    await waitFor(() => expect(screen.getByLabelText('问题清单').textContent).toMatch(/没有主办单位.*2/));
  });

  test('an old Excel: says plainly what it cannot do', async () => {
    const fake = fakeFromSample();
    wrap(<ExcelPane host={hostOver(fake, { basic: false, changeEvents: false, fillPattern: false, notes: false })} />);
    expect(screen.getByText(/太旧（不支持 ExcelApi 1\.4）/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '标记问题' })).toBeNull();
  });

  test('a workbook without a ledger: a Chinese message, no stack trace', async () => {
    const fake = new FakeExcel([FakeSheet.from('Sheet1', [['姓名', '电话'], ['张三', '1']])]);
    wrap(<ExcelPane host={hostOver(fake)} />);
    expect(await screen.findByText(/没有找到台账表头/)).toBeTruthy();
  });
});

describe('standalone page', () => {
  function filesApi(downloads: Array<[Blob, string]>): FilesApi {
    return {
      loadFile: async (f: File) => {
        // jsdom's File has no arrayBuffer(); browsers do.
        const bytes = await new Promise<ArrayBuffer>((resolve, reject) => {
          const r = new FileReader();
          r.onload = () => resolve(r.result as ArrayBuffer);
          r.onerror = () => reject(r.error);
          r.readAsArrayBuffer(f);
        });
        const { grids, buffer } = await readWorkbook(new Uint8Array(bytes), f.name);
        return { name: f.name, grids, bytes: buffer };
      },
      loadSample: async () => sample,
      annotatedBlob: async (w, a) => new Blob([(await annotateBuffer(w.bytes, a)) as BlobPart]),
      circularBlob: async () => new Blob(['docx']),
      download: (b, n) => downloads.push([b, n]),
    };
  }

  test('打开示例台账 → 1388 and the source figures → findings → the annotated download', async () => {
    const downloads: Array<[Blob, string]> = [];
    wrap(<StandalonePane files={async () => filesApi(downloads)} />);
    fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
    const totals = await screen.findByLabelText('办理总数');
    expect(totals.textContent).toContain('共 1388 件');
    expect(totals.textContent).toContain('81 件');
    expect((screen.getByLabelText('截至日期') as HTMLInputElement).value).toBe('2021-07-19');
    expect(screen.getByLabelText('问题清单').textContent).toContain('超期未答复');
    fireEvent.click(screen.getByRole('button', { name: '下载标注副本' }));
    await screen.findByText(/已生成 ledger-2021（已标注）\.xlsx/);
    expect(downloads[0][1]).toBe('ledger-2021（已标注）.xlsx');
    expect(downloads[0][0].size).toBeGreaterThan(50000);
    fireEvent.click(screen.getByRole('button', { name: '下载通报（.docx）' }));
    await screen.findByText(/已生成 通报-2021\.docx/);
  });

  test('a file that is not a workbook: a clear message', async () => {
    wrap(<StandalonePane files={async () => filesApi([])} />);
    const input = screen.getByTestId('file-input') as HTMLInputElement;
    const bad = new File(['这不是工作簿'], 'notes.xlsx');
    fireEvent.change(input, { target: { files: [bad] } });
    expect(await screen.findByText(/不是 Excel 工作簿/)).toBeTruthy();
  });
});
