/**
 * Ledger layouts as other offices build them, written as real .xlsx files. Each fixture says what the ledger holds
 * so the tests can assert exact totals and findings. The tests write them into a temporary folder with
 * writeFixtures(dir); nothing generated is committed.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { CellValue } from '../../src/core';
import { FULL_HEADERS, RowSpec, rows, unitGrid } from '../helpers/ledger';
import { SheetSpec, writeXlsx } from '../helpers/xlsx';

/** A header row and rows built from specs (a spec's key is a header; absent keys are blank cells). */
export function table(headers: readonly string[], specs: RowSpec[], above: CellValue[][] = []): CellValue[][] {
  return [...above, [...headers], ...specs.map((r) => headers.map((h) => (r[h] === undefined ? null : r[h]!)))];
}

const NO_SOURCE = FULL_HEADERS.filter((h) => h !== '类别');
const units = (): SheetSpec => ({ name: '承办单位', rows: unitGrid().values });
const pending: RowSpec = { 答复日期: null, 答复类别: null, 代表委员意见: null, 解决程度: null, 是否面商: null };

export interface Fixture {
  /** Relative path; a fixture with settings gets a folder of its own. */
  file: string;
  sheets: SheetSpec[];
  /** banli.config.json written beside the workbook. */
  config?: unknown;
}

/** Every fixture, by name. */
export function fixtures(): Record<string, Fixture> {
  return {
    /** 人大建议 (10) and 政协提案 (8) on sheets of their own, no source column; one proposal overdue. */
    twoSheets: {
      file: 'two-sheets.xlsx',
      sheets: [
        { name: '人大建议', rows: table(NO_SOURCE, rows(...Array.from({ length: 10 }, () => ({})))) },
        { name: '政协提案', rows: table(NO_SOURCE, rows(...Array.from({ length: 8 }, (_, i) => (i === 3 ? pending : {})))) },
        units(),
      ],
    },
    /** 省人大建议 (2), 市人大建议 (3, one 闭会建议 by a marker column) and 市政协提案 (4), a hidden old copy, an empty sheet. */
    threeSheets: {
      file: 'three-sheets.xlsx',
      sheets: [
        { name: '2021年省人大建议', rows: table(NO_SOURCE, rows({}, {}), [['2021年省人大代表建议办理台账']]) },
        { name: '市人大建议', rows: table([...NO_SOURCE, '是否闭会建议'], rows({}, {}, { 是否闭会建议: '是' })) },
        { name: '市政协提案', rows: table(NO_SOURCE, rows({}, {}, {}, {})) },
        { name: '旧台账', rows: table(FULL_HEADERS, rows({}, {})), setup: (ws) => (ws.state = 'hidden') },
        { name: '模板', rows: table(FULL_HEADERS, []) },
        units(),
      ],
    },
  };
}

export async function writeFixture(dir: string, f: Fixture): Promise<string> {
  const file = path.join(dir, f.file);
  await fs.mkdir(path.dirname(file), { recursive: true });
  if (f.config !== undefined) await fs.writeFile(path.join(path.dirname(file), 'banli.config.json'), JSON.stringify(f.config, null, 2));
  return writeXlsx(file, f.sheets);
}

export async function writeFixtures(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, f] of Object.entries({ ...fixtures(), ...moreFixtures() })) out[name] = await writeFixture(dir, f);
  return out;
}

const BRACKET_LEAD = ['序号', '类别', '编号', '标题', '领衔代表', '承办单位（主办）', '承办单位（协办）', '交办日期', '答复日期', '答复类别', '是否面商', '代表委员意见'];
const BRACKET_CO = ['序号', '类别', '编号', '标题', '领衔代表', '承办单位（协办）', '承办单位（主办）', '交办日期', '答复日期', '答复类别', '是否面商', '代表委员意见'];
/** Three items; the second names an unknown co-unit (市财攻局). */
const bracketRows = () =>
  rows(
    { '承办单位（主办）': '市交通局', '承办单位（协办）': '' },
    { '承办单位（主办）': '市城管局', '承办单位（协办）': '市财攻局' },
    { '承办单位（主办）': '市水利局', '承办单位（协办）': '市城管局' },
  );

/** A header written with the wordings: 办结时间, 要求结办日期, 答复文号, 办复类别, 代表意见, 见面情况… */
export const SYNONYM_HEADERS = [
  '序号', '来源', '建议号', '题目', '领衔人', '代表团', '分办单位', '会办单位', '交办时间', '要求结办日期', '牵头领导',
  '办结时间', '答复文号', '办复类别', '见面情况', '代表意见', '是否公开', '内容分类',
];
/** The same as the proposals' sheet writes it: 办理时限, 回复日期, 回复文号, 落实情况分类, 委员意见, 提案者, 界别. */
export const SYNONYM_HEADERS_2 = [
  '序号', '类型', '提案号', '案由', '提案者', '界别', '承办单位', '协办单位', '交办日期', '办理时限', '督办领导',
  '回复日期', '回复文号', '落实情况分类', '是否见面', '委员意见', '公开情况', '内容类别',
];

export function moreFixtures(): Record<string, Fixture> {
  const syn = (over: RowSpec = {}): RowSpec => ({
    来源: '市人大建议', 类型: '市政协提案', 题目: '关于公交的建议', 案由: '关于公交的提案', 领衔人: '张三', 提案者: '李四',
    代表团: '金水区代表团', 界别: '经济界', 分办单位: '市交通局', 承办单位: '市城管局', 会办单位: '', 协办单位: '',
    交办时间: '2021-03-26', 交办日期: '2021-03-26', 要求结办日期: '2021-06-26', 办理时限: '2021-06-26', 牵头领导: '', 督办领导: '',
    办结时间: '2021-06-01', 回复日期: '2021-06-01', 答复文号: '郑交函〔2021〕1号', 回复文号: '郑城管函〔2021〕2号',
    办复类别: 'A', 落实情况分类: 'B', 见面情况: '已见面', 是否见面: '是', 代表意见: '满意', 委员意见: '基本满意',
    是否公开: '是', 公开情况: '已公开', 内容分类: '城乡建设', 内容类别: '交通',
    ...over,
  });
  return {
    bracketsLeadFirst: { file: 'brackets-lead-first.xlsx', sheets: [{ name: '台账', rows: table(BRACKET_LEAD, bracketRows()) }, units()] },
    bracketsCoFirst: { file: 'brackets-co-first.xlsx', sheets: [{ name: '台账', rows: table(BRACKET_CO, bracketRows()) }, units()] },
    /** Every listed wording: 3 suggestions (one replied late by 办结时间) and 2 proposals (one with 办理时限 passed, not replied). */
    synonyms: {
      file: 'synonyms.xlsx',
      sheets: [
        { name: '建议', rows: table(SYNONYM_HEADERS, [syn({ 序号: 1, 建议号: 1 }), syn({ 序号: 2, 建议号: 2, 办结时间: '2021-07-01' }), syn({ 序号: 3, 建议号: 3 })]) },
        { name: '提案', rows: table(SYNONYM_HEADERS_2, [syn({ 序号: 1, 提案号: 1 }), syn({ 序号: 2, 提案号: 2, 回复日期: null, 回复文号: null, 落实情况分类: null, 委员意见: null })]) },
        units(),
      ],
    },
    /** A county office: 区人大建议 (4, one 闭会建议), 区政协提案 (3), 市人大建议 assigned down (2), 省政协提案 (1). */
    county: {
      file: 'county.xlsx',
      sheets: [
        {
          name: '台账',
          rows: table(
            FULL_HEADERS,
            rows(
              { 类别: '区人大建议' }, { 类别: '区人大建议' }, { 类别: '区人大建议' }, { 类别: '区人大闭会建议' },
              { 类别: '区政协提案' }, { 类别: '区政协提案' }, { 类别: '区政协提案', 是否重点督办: '是', 领办市领导: '刘副区长' },
              { 类别: '市人大建议' }, { 类别: '市人大建议' }, { 类别: '省政协提案' },
            ),
          ),
        },
        units(),
      ],
    },
    /**
     * Settings: A/B/C/D grades (D = 留作参考), 市政协提案 answered within 5 months, 省人大建议 by a fixed date,
     * 回函日期 as an extra name for the reply date. Five items.
     */
    configured: {
      file: 'configured/台账.xlsx',
      config: {
        categories: { A: ['已解决', '基本解决'], B: ['正在解决', '列入计划'], C: ['以后解决', '暂不能解决'], D: ['留作参考'] },
        deadlineMonths: { 市政协提案: 5 },
        fixedDeadlines: { 省人大建议: '2021-07-31' },
        headers: { 答复日期: ['回函日期'] },
        dueSoonDays: 20,
      },
      sheets: [
        {
          name: '台账',
          rows: table(
            FULL_HEADERS.map((h) => (h === '答复日期' ? '回函日期' : h)),
            rows(
              { 回函日期: '2021-06-01', 答复类别: 'D', 解决程度: '留作参考' },
              { 回函日期: '2021-06-01', 答复类别: 'C', 解决程度: '留作参考' },
              { ...pending, 类别: '市政协提案' },
              { ...pending, 类别: '市人大建议' },
              { ...pending, 类别: '省人大建议' },
            ),
          ),
        },
        units(),
      ],
    },
    /** A bare 类别 column holding the grade; the source from the sheet name (政协提案). */
    categoryAsGrade: {
      file: 'category-grade.xlsx',
      sheets: [
        {
          name: '政协提案',
          rows: table(
            ['序号', '提案号', '标题', '主办单位', '交办日期', '答复日期', '类别', '代表委员意见'],
            rows({ 提案号: 1, 类别: 'A' }, { 提案号: 2, 类别: 'B类' }, { 提案号: 3, 类别: 'C' }, { 提案号: 4, 类别: 'E' }),
          ),
        },
        units(),
      ],
    },
    /** Title row, a parent row with merged 承办单位 and 代表委员意见, a child row with 主办/协办 and three tick columns. */
    ticks: {
      file: 'ticks-merged.xlsx',
      sheets: [
        {
          name: '台账',
          rows: [
            ['2021年建议提案办理台账'],
            ['序号', '类别', '编号', '标题', '承办单位', null, '交办日期', '答复日期', '答复类别', '代表委员意见', null, null],
            [null, null, null, null, '主办', '协办', null, null, null, '满意', '基本满意', '不满意'],
            [1, '市人大建议', 1, '关于公交', '市交通局', '', '2021-03-26', '2021-06-01', 'A', '√', null, null],
            [2, '市人大建议', 2, '关于绿化', '市城管局', '市水利局', '2021-03-26', '2021-06-01', 'B', null, '√', null],
            [3, '市政协提案', 1, '关于防汛', '市水利局', '', '2021-03-26', '2021-06-01', 'B', null, null, '✓'],
            [4, '市政协提案', 2, '关于预算', '市财政局', '', '2021-03-26', '2021-06-01', 'A', null, null, null],
            [5, '市政协提案', 3, '关于道路', '市交通局', '', '2021-03-26', '2021-06-01', 'A', '√', '√', null],
          ],
          setup: (ws) => {
            ws.mergeCells('A1:L1');
            for (const c of ['A', 'B', 'C', 'D', 'G', 'H', 'I']) ws.mergeCells(`${c}2:${c}3`);
            ws.mergeCells('E2:F2');
            ws.mergeCells('J2:L2');
          },
        },
        units(),
      ],
    },
  };
}

/**
 * The 40 unit returns an office collects (单位01.xlsx … 单位40.xlsx): each unit's two 市人大建议 and one 市政协提案.
 * 单位01 and 单位02 both handle 市人大建议 999 (split, 分办); 单位04 repeats 单位03's 市政协提案 3 under 单位03 (the
 * same item in two files); 单位05's second suggestion is overdue.
 */
export function unitReturns(): Fixture[] {
  return Array.from({ length: 40 }, (_, i) => {
    const n = i + 1;
    const unit = `单位${String(n).padStart(2, '0')}`;
    const specs: RowSpec[] = [
      { 类别: '市人大建议', 编号: n * 10 + 1, 主办单位: unit },
      { 类别: '市人大建议', 编号: n * 10 + 2, 主办单位: unit, ...(n === 5 ? pending : {}) },
      { 类别: '市政协提案', 编号: n, 主办单位: unit },
    ];
    if (n === 1 || n === 2) specs.push({ 类别: '市人大建议', 编号: 999, 主办单位: unit });
    if (n === 4) specs.push({ 类别: '市政协提案', 编号: 3, 主办单位: '单位03' });
    return { file: `returns/${unit}.xlsx`, sheets: [{ name: '台账', rows: table(FULL_HEADERS, rows(...specs)) }] };
  });
}
