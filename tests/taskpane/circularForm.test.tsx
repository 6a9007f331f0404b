/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * 生成通报's form (field test B): 标题 and 发文字号 not typed by hand follow 年度, so the circular never mixes years;
 * typed by hand with another year they are kept and a warning at the field says so; 年度 out of range says the
 * range; a 印发日期 before the 成文日期 is warned at its field (the circular can still be made).
 */
import '../helpers/jsdom';
import * as React from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import JSZip from 'jszip';
import { WordPane } from '../../src/taskpane/WordPane';
import { Downloads, renderPage, testFiles } from './pageFiles';

const box = (name: RegExp | string) => screen.getByRole('textbox', { name }) as HTMLInputElement | HTMLTextAreaElement;
/** The message a field shows (its validation message, which the control is described by). */
const said = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

async function docText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

test('年度 2022: the title follows it, the 发文字号 the 成文日期’s year; typed by hand with another year they stay and are warned at the field', async () => {
  const downloads: Downloads = [];
  renderPage(<WordPane />, { files: testFiles(downloads) });
  fireEvent.click(screen.getByRole('button', { name: '打开示例台账' }));
  await screen.findByLabelText('办理总数', {}, { timeout: 20000 });
  expect(box(/^标题/).value).toContain('关于2021年度');

  fireEvent.change(box(/^年度/), { target: { value: '2022' } });
  await waitFor(() => expect(box(/^标题/).value).toBe('郑州市人民政府\n关于2022年度人大建议政协提案\n办理工作情况的通报'));
  // The 发文字号 carries the year it is signed in: the 成文日期's (still 2021-07-19) until that changes.
  expect(box(/^发文字号/).value).toBe('郑政文〔2021〕84号');
  const date = box('成文日期');
  fireEvent.change(date, { target: { value: '2023-01-10' } });
  fireEvent.keyDown(date, { key: 'Enter' });
  await waitFor(() => expect(box(/^发文字号/).value).toBe('郑政文〔2023〕84号'));
  expect(box('印发日期').value).toBe('2023-01-11');
  fireEvent.click(screen.getByRole('button', { name: '下载通报（.docx）' }));
  await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['通报-2022.docx']), { timeout: 20000 });
  const text = await docText(downloads[0].bytes);
  expect(text).toContain('郑政文〔2023〕84号');
  expect(text).toContain('关于2022年度');
  expect(text).not.toContain('2021年度');

  // Typed by hand: kept as typed, with a warning at the field (not an error: the circular can be made).
  fireEvent.change(box(/^标题/), { target: { value: '郑州市人民政府\n关于2021年度人大建议政协提案\n办理工作情况的通报' } });
  fireEvent.change(box(/^发文字号/), { target: { value: '郑政文〔2022〕90号' } });
  expect(said(box(/^标题/))).toContain('标题中写的是 2021 年，年度是 2022 年，请核对。');
  expect(said(box(/^发文字号/))).toContain('发文字号中的年份是 2022，成文日期在 2023 年，请核对（字号中写发文的年份）。');
  expect(box(/^标题/).getAttribute('aria-invalid')).not.toBe('true');
  fireEvent.change(box(/^年度/), { target: { value: '2023' } });
  expect(box(/^发文字号/).value).toBe('郑政文〔2022〕90号');
  // Back to the years typed: no warning.
  fireEvent.change(box(/^年度/), { target: { value: '2021' } });
  fireEvent.change(box(/^发文字号/), { target: { value: '郑政文〔2023〕90号' } });
  expect(said(box(/^标题/))).not.toContain('请核对');
  expect(said(box(/^发文字号/))).not.toContain('请核对');
}, 60000);

test('年度 out of range says the range; 印发日期 before 成文日期 is warned at the field', async () => {
  renderPage(<WordPane />, { initialAsOf: '2021-07-19' });
  fireEvent.change(box(/^年度/), { target: { value: '1899' } });
  expect(said(box(/^年度/))).toContain('年度应在 2000 到 2100 之间，现在是 1899。');
  expect(box(/^年度/).getAttribute('aria-invalid')).toBe('true');
  fireEvent.change(box(/^年度/), { target: { value: '21' } });
  expect(said(box(/^年度/))).toContain('年度写四位数字，例如 2021。');

  const print = box('印发日期');
  expect(said(print)).not.toContain('早于');
  fireEvent.change(print, { target: { value: '2021-01-01' } });
  fireEvent.keyDown(print, { key: 'Enter' });
  await waitFor(() => expect(said(box('印发日期'))).toContain('印发日期早于成文日期（2021年7月19日（星期一）），请核对。'));
  expect(box('印发日期').getAttribute('aria-invalid')).not.toBe('true');
  // A later 成文日期 than before does not change that; the same day is fine.
  const date = box('成文日期');
  fireEvent.change(date, { target: { value: '2021-01-01' } });
  fireEvent.keyDown(date, { key: 'Enter' });
  await waitFor(() => expect(said(box('印发日期'))).not.toContain('早于'));
}, 60000);
