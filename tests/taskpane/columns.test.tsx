/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** The column-mapping view of the standalone page: the guess shown per field, and a correction re-runs the check. */
import '../helpers/jsdom';
import * as React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { StandalonePane } from '../../src/taskpane/StandalonePane';
import { renderPage } from './pageFiles';

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
