/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** The column-mapping view of the standalone page: the guess shown per field, and a correction re-runs the check. */
import '../helpers/jsdom';
import * as React from 'react';
import { readFileSync } from 'fs';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CellValue, dayToSerial, parseDay } from '../../src/core';
import { ExcelPane } from '../../src/taskpane/ExcelPane';
import { StandalonePane } from '../../src/taskpane/StandalonePane';
import { readWorkbook } from '../../src/xlsx/read';
import { FakeExcel, FakeSheet, installExcelGlobals, paneHost } from '../helpers/excelMock';
import { SAMPLE_PATH, renderPage } from './pageFiles';
import { seriousViolations } from './axe';

const totalsText = () => screen.getByLabelText('办理总数').textContent ?? '';

describe('standalone page: 列对应', () => {
  test('shows which header each field was read from; choosing another column (or （无）) changes the totals', async () => {
    renderPage(<StandalonePane />);
    fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
    await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
    expect(totalsText()).toContain('市人大建议 468 件');
    fireEvent.click(screen.getByRole('button', { name: /列对应（已识别 \d+ 列）/ }));
    const group = screen.getByRole('group', { name: '列对应' });
    const source = within(group).getByLabelText('类别') as HTMLSelectElement;
    const guessed = source.value;
    expect(guessed).not.toBe('');
    expect([...source.options].map((o) => o.text)).toContain('（无）');
    expect((within(group).getByLabelText('主办单位') as HTMLSelectElement).value).toMatch(/单位/);

    // No source column: the items can no longer be told apart by source.
    fireEvent.change(source, { target: { value: '' } });
    await waitFor(() => expect(totalsText()).not.toContain('市人大建议 468 件'), { timeout: 20000 });
    expect(screen.getByRole('button', { name: /列对应（已识别 \d+ 列，其中 1 列由您指定）/ })).toBeTruthy();
    expect(within(group).getByText('由您指定')).toBeTruthy();

    // Back to the guess.
    fireEvent.click(screen.getByRole('button', { name: '全部恢复为自动识别' }));
    await waitFor(() => expect(totalsText()).toContain('市人大建议 468 件'), { timeout: 20000 });
    expect((within(group).getByLabelText('类别') as HTMLSelectElement).value).toBe(guessed);
  }, 60000);
});

describe('Excel pane: 列对应', () => {
  beforeAll(() => installExcelGlobals());

  test('a correction re-checks the workbook with the chosen column', async () => {
    const { grids } = await readWorkbook(new Uint8Array(readFileSync(SAMPLE_PATH)), 'ledger-2021.xlsx');
    const asExcel = (v: CellValue) => (v instanceof Date ? dayToSerial((parseDay(v) as { day: string }).day) : v);
    const fake = new FakeExcel(grids.map((g) => FakeSheet.from(g.sheet, g.values.map((r) => r.map(asExcel)), g.top, g.left)));
    const host = paneHost(fake);
    render(
      <FluentProvider theme={webLightTheme}>
        <ExcelPane host={host} initialAsOf="2021-07-19" />
      </FluentProvider>,
    );
    await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
    expect(totalsText()).toContain('市人大建议 468 件');
    fireEvent.click(screen.getByRole('button', { name: /列对应/ }));
    const group = screen.getByRole('group', { name: '列对应' });
    fireEvent.change(within(group).getByLabelText('类别'), { target: { value: '' } });
    await waitFor(() => expect(totalsText()).not.toContain('市人大建议 468 件'));
    expect(within(group).getByText('由您指定')).toBeTruthy();
    // Every list is labelled with the clerk's field name; no serious accessibility violation with the panel open.
    expect(await seriousViolations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '全部恢复为自动识别' }));
    await waitFor(() => expect(totalsText()).toContain('市人大建议 468 件'));
  }, 180000);
});
