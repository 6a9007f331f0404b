/**
 * An annotated copy the clerk corrected and saved is a ledger again: given by name it is checked (and a report
 * written from it); only folder walks skip Banli's copies, where they would be counted twice. A check that checked
 * nothing does not exit 0.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { smallLedger } from '../helpers/hostile';
import { tempDir } from '../helpers/xlsx';

const AS_OF = '2021-07-19';

const run = runCli;

let dir: string;
let ledger: string;
let copy: string;
let renamed: string;
beforeAll(async () => {
  dir = await tempDir('banli-copies-');
  ledger = await smallLedger(path.join(dir, '城区.xlsx'));
  expect((await run('check', '--as-of', AS_OF, '--annotate', path.join(dir, '标注'), ledger)).code).toBe(0);
  copy = path.join(dir, '标注/城区（已标注）.xlsx');
  renamed = path.join(dir, '改正后/城区-改正.xlsx');
  await fs.mkdir(path.dirname(renamed));
  await fs.copyFile(copy, renamed);
});

describe('a copy given by name is checked', () => {
  test.each([
    ['by its name', () => copy],
    ['renamed (known by the marker inside)', () => renamed],
  ])('%s: checked like its ledger, its 检查结果 sheet not read as a part', async (_what, file) => {
    const r = await run('check', '--json', '--as-of', AS_OF, file());
    const doc = r.json();
    expect(doc.skipped).toEqual([]);
    expect(doc.files).toHaveLength(1);
    const f = doc.files[0];
    expect(f.ok).toBe(true);
    expect(f.items).toBe(2);
    expect(f.sheets.map((s: { name: string }) => s.name)).toEqual(['台账']);
    const original = (await run('check', '--json', '--as-of', AS_OF, ledger)).json().files[0];
    expect(f.totals).toEqual(original.totals);
    expect(f.counts).toEqual(original.counts);
    expect(r.code).toBe(0);
    const text = await run('check', '--as-of', AS_OF, file());
    expect(text.out).not.toContain('跳过');
    expect(text.out).toContain('共 2 件');
  });

  test('report from a corrected copy writes the circular', async () => {
    const out = path.join(dir, '通报.docx');
    const r = await run('report', '--as-of', AS_OF, copy, '-o', out);
    expect(r.err).not.toContain('标注副本');
    expect(r.code).toBe(0);
    expect((await fs.stat(out)).size).toBeGreaterThan(0);
  });

  test('--combine with copies given by name reads them', async () => {
    const other = await smallLedger(path.join(dir, '另一单位/郊区.xlsx'));
    const doc = (await run('check', '--combine', '--json', '--as-of', AS_OF, renamed, other)).json();
    expect(doc.combined).toEqual([renamed, other]);
    expect(doc.skipped).toEqual([]);
  });

  test('reached through its folder and named too: checked once', async () => {
    const doc = (await run('check', '--json', '--as-of', AS_OF, path.dirname(renamed), renamed)).json();
    expect(doc.files.map((f: { path: string; ok: boolean }) => [f.path, f.ok])).toEqual([[renamed, true]]);
    expect(doc.skipped.map((s: { reason: string }) => s.reason)).toEqual(['duplicate']);
  });
});

describe('in a folder, copies are still skipped', () => {
  test('a folder of copies only: nothing checked is exit 2, with what to do', async () => {
    const r = await run('check', '--as-of', AS_OF, path.join(dir, '标注'));
    expect(r.out).toContain(`跳过：${copy} 是办理助手写出的标注副本，不作为台账检查。`);
    expect(r.err).toContain('banli：没有检查任何台账：给出的文件都被跳过了（见上）。');
    expect(r.err).toContain(`请直接给出它的文件名，例如 banli check ${copy}。`);
    expect(r.code).toBe(2);
    const j = await run('check', '--json', '--as-of', AS_OF, path.join(dir, '改正后'));
    const doc = j.json();
    expect(doc.files).toEqual([]);
    expect(doc.skipped.map((s: { reason: string }) => s.reason)).toEqual(['annotated-copy']);
    expect(doc.error.message).toMatch(/^没有检查任何台账/);
    expect(j.code).toBe(2);
  });

  test('--combine on a folder of copies only: said, exit 2', async () => {
    const r = await run('check', '--combine', '--as-of', AS_OF, path.join(dir, '标注'));
    expect(r.err).toContain('没有可以合并读取的工作簿。');
    expect(r.err).toContain('请直接给出它们的文件名');
    expect(r.code).toBe(2);
  });

  test('a folder with a ledger and its copy: the ledger checked, the copy skipped (no double counting)', async () => {
    const d = await tempDir('banli-copies-');
    await fs.copyFile(ledger, path.join(d, '城区.xlsx'));
    await fs.copyFile(renamed, path.join(d, '城区-改正.xlsx'));
    const doc = (await run('check', '--combine', '--json', '--as-of', AS_OF, d)).json();
    expect(doc.combined).toEqual([path.join(d, '城区.xlsx')]);
    expect(doc.skipped.map((s: { reason: string }) => s.reason)).toEqual(['annotated-copy']);
    expect(doc.files[0].items).toBe(2);
  });
});
