/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Field test C on the standalone page: unsaved 设置 kept across tabs, the praised units said with the circular, the
 * focus kept in a select that re-checks, 成文日期 before 截至, a ledger and its copy, 取消 keeping the old ledger,
 * dates in 统一答复日期, the circular's stale error, focus on added rows, names of rows and landmarks.
 */
import '../helpers/jsdom';
import * as React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Standalone } from '../../src/taskpane/App';
import { renderPage } from './pageFiles';
import { memoryStorage } from '../helpers/memoryStorage';

const tab = (name: string) => screen.getByRole('tab', { name });
const settings = () => within(screen.getByTestId('settings'));

describe('设置: unsaved edits', () => {
  test('kept when the clerk switches tab (click or arrow keys) and back, until 保存 or 恢复默认', async () => {
    renderPage(<Standalone />, { storage: memoryStorage() });
    fireEvent.click(tab('设置'));
    fireEvent.change(settings().getByLabelText('各来源统一的月数'), { target: { value: '4' } });
    fireEvent.click(settings().getByRole('button', { name: '添加来源' }));
    fireEvent.change(settings().getByLabelText('来源名称（第 1 行）'), { target: { value: '民革提案' } });
    fireEvent.change(settings().getByLabelText('表扬单位（每行一个）'), { target: { value: '市教育局' } });
    expect(screen.getByText(/表单有改动，尚未保存/)).toBeTruthy();

    fireEvent.click(tab('生成通报'));
    await screen.findByRole('form', { name: '通报设置' });
    act(() => tab('生成通报').focus());
    fireEvent.keyDown(tab('生成通报'), { key: 'ArrowRight' });
    await screen.findByTestId('settings');
    expect((settings().getByLabelText('各来源统一的月数') as HTMLInputElement).value).toBe('4');
    expect((settings().getByLabelText('来源名称（第 1 行）') as HTMLInputElement).value).toBe('民革提案');
    expect((settings().getByLabelText('表扬单位（每行一个）') as HTMLTextAreaElement).value).toBe('市教育局');
    expect(screen.getByText(/表单有改动，尚未保存/)).toBeTruthy();

    // Leaving the page with them unsaved is warned of.
    const leave = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leave);
    expect(leave.defaultPrevented).toBe(true);

    fireEvent.click(settings().getByRole('button', { name: '恢复默认' }));
    fireEvent.click(tab('检查台账'));
    fireEvent.click(tab('设置'));
    expect((settings().getByLabelText('各来源统一的月数') as HTMLInputElement).value).toBe('3');
    expect(screen.queryByText(/表单有改动，尚未保存/)).toBeNull();
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  }, 60000);
});
