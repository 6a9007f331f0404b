/** Ledgers built the way other offices build them: exact totals and findings for each layout. */
import { Analysis, analyse } from '../../src/core';
import { readWorkbookFile } from '../../src/node/workbook';
import { main } from '../../src/node/cli';
import { tempDir } from '../helpers/xlsx';
import { promises as fsp } from 'fs';
import { FULL_HEADERS } from '../helpers/ledger';
import { table, writeFixture, writeFixtures } from './fixtures';

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

describe('headers as clerks write them', () => {
  test.each([
    ['bracketsLeadFirst', 'F', 'G'],
    ['bracketsCoFirst', 'G', 'F'],
  ])('%s: （主办） is the lead unit, （协办） the co-units, an unknown co-unit is flagged', async (name, lead, co) => {
    const a = await check(name);
    expect(a.ledger.columns.leadUnit).toMatchObject({ header: '承办单位（主办）', col: lead.charCodeAt(0) - 64 });
    expect(a.ledger.columns.coUnits).toMatchObject({ header: '承办单位（协办）', col: co.charCodeAt(0) - 64 });
    expect(rules(a)).toEqual([`assign.unit-unknown@台账!${co}3`]);
    expect(a.totals.handlingUnits).toBe(4);
  });

  test('every listed wording is a synonym; exact totals and findings', async () => {
    const a = await check('synonyms');
    const fields = (sheet: string) =>
      Object.fromEntries(Object.entries(a.ledger.parts.find((p) => p.sheet === sheet)!.columns).map(([f, c]) => [c!.header, f]));
    expect(fields('建议')).toEqual({
      序号: 'seq', 来源: 'source', 建议号: 'number', 题目: 'title', 领衔人: 'proposer', 代表团: 'delegation', 分办单位: 'leadUnit',
      会办单位: 'coUnits', 交办时间: 'assignDate', 要求结办日期: 'deadline', 牵头领导: 'leader', 办结时间: 'replyDate',
      答复文号: 'replyNumber', 办复类别: 'category', 见面情况: 'faceToFace', 代表意见: 'satisfaction', 是否公开: 'published',
      内容分类: 'topic',
    });
    expect(fields('提案')).toEqual({
      序号: 'seq', 类型: 'source', 提案号: 'number', 案由: 'title', 提案者: 'proposer', 界别: 'sector', 承办单位: 'leadUnit',
      协办单位: 'coUnits', 交办日期: 'assignDate', 办理时限: 'deadline', 督办领导: 'leader', 回复日期: 'replyDate',
      回复文号: 'replyNumber', 落实情况分类: 'category', 是否见面: 'faceToFace', 委员意见: 'satisfaction', 公开情况: 'published',
      内容类别: 'topic',
    });
    expect(a.totals).toMatchObject({
      total: 5, municipalNpc: 3, municipalCppcc: 2, replied: 4, repliedOnTime: 3, overdue: 1,
      categories: { A: 3, B: 1, C: 0 }, satisfaction: { 满意: 3, 基本满意: 1, 不满意: 0 },
    });
    expect(rules(a)).toEqual(['reply.late@建议!L3', 'reply.overdue@提案!L3']);
  });

  test('a bare 类别 holding A/B/C is the reply category; the source comes from the sheet name', async () => {
    const a = await check('categoryAsGrade');
    expect(a.ledger.columns.category?.header).toBe('类别');
    expect(a.ledger.columns.source).toBeUndefined();
    expect(a.totals).toMatchObject({ total: 4, municipalCppcc: 4, categories: { A: 1, B: 1, C: 1 } });
    expect(rules(a)).toEqual(['reply.category-invalid@政协提案!G5']);
  });

  test('title row, merged parents, 主办/协办 children and three tick columns read as one satisfaction', async () => {
    const a = await check('ticks');
    expect(a.ledger.headerRow).toBe(3);
    expect(a.ledger.columns.leadUnit).toMatchObject({ col: 5 });
    expect(a.ledger.columns.coUnits).toMatchObject({ col: 6 });
    expect(a.ledger.columns.number).toMatchObject({ col: 3, header: '编号' });
    expect(a.ledger.columns.satisfaction).toMatchObject({ col: 10, header: '满意/基本满意/不满意' });
    expect(a.totals).toMatchObject({ total: 5, municipalNpc: 2, municipalCppcc: 3, satisfaction: { 满意: 1, 基本满意: 1, 不满意: 1 } });
    expect(rules(a)).toEqual(['feedback.missing@台账!J7', 'feedback.invalid@台账!J8']);
    expect(a.findings.find((f) => f.rule === 'feedback.invalid')!.message).toContain('勾选了不止一项');
  });

  test('the text and JSON say which header became which field and which expected columns were not found', async () => {
    const doc = JSON.parse((await cli('check', '--json', '--as-of', AS_OF, files.ticks)).out).files[0];
    expect(doc.columns).toMatchObject({ leadUnit: '主办', coUnits: '协办', satisfaction: '满意/基本满意/不满意' });
    expect(doc.missingColumns.map((m: { field: string }) => m.field)).toEqual(
      expect.arrayContaining(['faceToFace', 'formVersion', 'degree', 'key', 'leader', 'deadline']),
    );
    expect(doc.missingColumns.map((m: { field: string }) => m.field)).not.toContain('satisfaction');
    const text = (await cli('check', '--as-of', AS_OF, files.ticks)).out;
    expect(text).toContain('“主办”→主办单位');
    expect(text).toMatch(/没有找到的列：.*是否面商/);
  });
});

describe('own level, not "municipal"', () => {
  test('a county ledger: 区人大建议 are the own NPC items, 市/省 ones upper; bySource names them as written', async () => {
    const a = await check('county');
    expect(a.ledger.office).toBe('county');
    expect(a.totals).toMatchObject({
      total: 10, municipalNpc: 4, municipalNpcInterSession: 1, municipalCppcc: 3, provincial: 3, provincialNpc: 2, provincialCppcc: 1,
      unknownSource: 0, keyNpc: 0, keyCppcc: 1,
    });
    expect(a.totals.bySource).toEqual([
      { label: '省政协提案', body: 'cppcc', level: 'upper', interSession: false, items: 1 },
      { label: '市人大建议', body: 'npc', level: 'upper', interSession: false, items: 2 },
      { label: '区人大建议', body: 'npc', level: 'own', interSession: false, items: 3 },
      { label: '区人大闭会建议', body: 'npc', level: 'own', interSession: true, items: 1 },
      { label: '区政协提案', body: 'cppcc', level: 'own', interSession: false, items: 3 },
    ]);
    expect(rules(a)).toEqual([]);
    const text = (await cli('check', '--as-of', AS_OF, files.county)).out;
    expect(text).toContain('【办理总数】共 10 件：省政协提案、市人大建议 3 件（省政协提案 1 件，市人大建议 2 件），区人大建议 4 件（含闭会建议 1 件），区政协提案 3 件。');
  });
});

describe('statistics clerks report', () => {
  test('forms returned, 满意 and 基本满意 apart, grade shares, 公开率, by 内容分类/代表团/界别, lead and co-units apart', async () => {
    const a = await check('synonyms');
    const t = a.totals;
    expect(t).toMatchObject({ formsReturned: 4, published: 4, leadUnits: 2, coUnits: 0, handlingUnits: 2 });
    expect(t.rates.formsReturned).toEqual({ numerator: 4, denominator: 4, rate: 1 });
    expect(t.rates.fullySatisfied).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(t.rates.basicallySatisfied).toEqual({ numerator: 1, denominator: 4, rate: 0.25 });
    expect(t.rates.categories).toEqual({
      A: { numerator: 3, denominator: 4, rate: 0.75 },
      B: { numerator: 1, denominator: 4, rate: 0.25 },
      C: { numerator: 0, denominator: 4, rate: 0 },
    });
    expect(t.rates.published).toEqual({ numerator: 4, denominator: 4, rate: 1 });
    expect(t.byTopic).toEqual([['城乡建设', 3], ['交通', 2]]);
    expect(t.byDelegation).toEqual([['金水区代表团', 3]]);
    expect(t.bySector).toEqual([['经济界', 2]]);
    const text = (await cli('check', '--as-of', AS_OF, files.synonyms)).out;
    // One 满意率 only (满意和基本满意); 满意 and 基本满意 apart are shares, their basis said.
    expect(text).toContain('【征询意见】收回征询意见表 4 件，占已答复件 100.0%（4/4）；满意占 75.0%（3/4），基本满意占 25.0%（1/4）（以填写了满意度的件数计）。');
    expect(text.match(/满意率/g)).toHaveLength(1);
    expect(text).toContain('【答复类别占比】A类 75.0%，B类 25.0%，C类 0.0%（以已答复件计）。');
    expect(text).toContain('【公开】已答复件中已公开 4 件，公开率 100.0%（4/4）。');
    expect(text).toContain('【按代表团】金水区代表团 3 件。');
    expect(text).toContain('【承办单位】主办、协办单位共 2 个（主办单位 2 个，协办单位 0 个）。');
  });

  test('without those columns the figures are null, not zero', async () => {
    const a = await check('twoSheets');
    expect(a.totals).toMatchObject({ published: null, byTopic: null, byDelegation: null, bySector: null });
    expect(a.totals.rates.published).toBeNull();
  });
});

describe('a blank template', () => {
  test('a header and nothing under it: no check passes, no circular is written, the clerk is told why (exit 2)', async () => {
    const dir = await tempDir('banli-blank-');
    const file = await writeFixture(dir, {
      file: '台账模板.xlsx',
      sheets: [{ name: '台账', rows: table(FULL_HEADERS, [], [['2021年建议提案办理台账']]) }],
    });
    const c = await cli('check', '--json', '--as-of', AS_OF, file);
    expect(c.code).toBe(2);
    const f = JSON.parse(c.out).files[0];
    expect(f.error.code).toBe('no-items');
    expect(f.error.message).toMatch(/工作表“台账”的表头（第 2 行）下面没有一件建议提案.*空白的台账模板/);
    const text = await cli('check', '--as-of', AS_OF, file);
    expect(text.out).toMatch(/无法检查：工作表“台账”/);
    expect(text.out).not.toMatch(/no-items/);
    const out = `${dir}/通报.docx`;
    const r = await cli('report', file, '-o', out, '--as-of', AS_OF);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/没有一件建议提案/);
    await expect(fsp.access(out)).rejects.toThrow();
  });
});
