/** Ledgers built the way other offices build them: exact totals and findings for each layout. */
import { Analysis, analyse } from '../../src/core';
import { readWorkbookFile } from '../../src/node/workbook';
import { main } from '../../src/node/cli';
import { tempDir } from '../helpers/xlsx';
import { writeFixtures } from './fixtures';

const AS_OF = '2021-07-19';
let files: Record<string, string>;
beforeAll(async () => {
  files = await writeFixtures(await tempDir('banli-layouts-'));
});

async function check(name: string): Promise<Analysis> {
  return analyse(await readWorkbookFile(files[name]), { asOf: AS_OF });
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const rules = (a: Analysis) => a.findings.filter((f) => f.rule !== 'unit.no-reception-day').map((f) => `${f.rule}@${f.cell}`);

describe('every ledger sheet is read', () => {
  test('人大建议 and 政协提案 on two sheets: both counted, the source from the sheet name, findings cite their sheet', async () => {
    const a = await check('twoSheets');
    expect(a.ledger.parts.map((p) => [p.sheet, p.items, p.sheetSource])).toEqual([
      ['人大建议', 10, '人大建议'],
      ['政协提案', 8, '政协提案'],
    ]);
    expect(a.totals).toMatchObject({ total: 18, municipalNpc: 10, municipalCppcc: 8, unknownSource: 0, replied: 17, overdue: 1 });
    expect(rules(a)).toEqual(['reply.overdue@政协提案!J5']);
    expect(a.notRun.map((n) => n.rule)).not.toContain('source.unknown');
  });

  test('three source sheets; a hidden copy and a header-only sheet are listed as not read', async () => {
    const a = await check('threeSheets');
    expect(a.ledger.parts.map((p) => [p.sheet, p.headerRow, p.items])).toEqual([
      ['2021年省人大建议', 2, 2],
      ['市人大建议', 1, 3],
      ['市政协提案', 1, 4],
    ]);
    expect(a.totals).toMatchObject({ total: 9, provincialNpc: 2, municipalNpc: 3, municipalNpcInterSession: 1, municipalCppcc: 4 });
    expect(a.ledger.unread).toEqual([
      { file: null, sheet: '旧台账', reason: '工作表已隐藏' },
      { file: null, sheet: '模板', reason: '表头下没有数据行' },
    ]);
    expect(rules(a)).toEqual([]);
  });

  test('JSON: sheet/headerRow of the first, sheets[] and unreadSheets[]; the text names every sheet', async () => {
    const r = await cli('check', '--json', '--as-of', AS_OF, files.threeSheets);
    const doc = JSON.parse(r.out).files[0];
    expect(doc.sheet).toBe('2021年省人大建议');
    expect(doc.headerRow).toBe(2);
    expect(doc.sheets).toEqual([
      { name: '2021年省人大建议', headerRow: 2, items: 2, sheetSource: '省人大建议' },
      { name: '市人大建议', headerRow: 1, items: 3, sheetSource: '市人大建议' },
      { name: '市政协提案', headerRow: 1, items: 4, sheetSource: '市政协提案' },
    ]);
    expect(doc.unreadSheets).toEqual([
      { name: '旧台账', reason: '工作表已隐藏' },
      { name: '模板', reason: '表头下没有数据行' },
    ]);
    const text = (await cli('check', '--as-of', AS_OF, files.threeSheets)).out;
    expect(text).toContain('读取了 3 个工作表');
    expect(text).toContain('未读取工作表 “旧台账”：工作表已隐藏。');
  });
});
