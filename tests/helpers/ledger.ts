/** Builders for in-memory ledgers: a full header, one clean row, and a small unit master list. */
import { CellValue, Grid } from '../../src/core';

export const FULL_HEADERS = [
  '序号', '类别', '编号', '标题', '领衔代表', '主办单位', '协办单位', '交办日期', '是否重点督办',
  '领办市领导', '答复日期', '答复类别', '是否面商', '代表委员意见', '征询意见表版本', '解决程度', '备注',
] as const;
export type Header = (typeof FULL_HEADERS)[number];
export type RowSpec = Partial<Record<Header | string, CellValue>>;

/** A row that breaks no rule as of 2021-07-19. */
export const CLEAN: RowSpec = {
  序号: 1,
  类别: '市人大建议',
  编号: 101,
  标题: '关于优化公交线路的建议',
  领衔代表: '张三',
  主办单位: '市交通局',
  协办单位: '',
  交办日期: '2021-03-26',
  是否重点督办: '否',
  领办市领导: '',
  答复日期: '2021-06-01',
  答复类别: 'A',
  是否面商: '是',
  代表委员意见: '满意',
  征询意见表版本: '2021年版',
  解决程度: '已解决',
  备注: '',
};

export function ledgerGrid(rows: RowSpec[], headers: readonly string[] = FULL_HEADERS, sheet = '台账', above: CellValue[][] = []): Grid {
  return {
    sheet,
    top: 1,
    left: 1,
    values: [...above, [...headers], ...rows.map((r) => headers.map((h) => (r[h] === undefined ? null : r[h]!)))],
  };
}

export function unitGrid(units: Array<[string, string, CellValue]> = DEFAULT_UNITS): Grid {
  return {
    sheet: '承办单位',
    top: 1,
    left: 1,
    values: [['单位名称', '别名', '代表委员接待日'], ...units.map(([n, a, r]) => [n, a, r])],
  };
}

export const DEFAULT_UNITS: Array<[string, string, CellValue]> = [
  ['市交通局', '郑州市交通运输局、交通局', '2021-06-21'],
  ['市城管局', '郑州市城市管理局，城管局', '是'],
  ['市水利局', '郑州市水利局', '否'],
  ['市财政局', '', ''],
];

export function rows(...specs: RowSpec[]): RowSpec[] {
  return specs.map((s, i) => ({ ...CLEAN, 序号: i + 1, 编号: 100 + i, ...s }));
}
