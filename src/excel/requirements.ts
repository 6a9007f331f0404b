/**
 * What the host can do, checked at run time (no API set is required by the manifest). A capability needs BOTH the
 * requirement set (isSetSupported answers for the host) AND every proxy member it uses in the office.js library the
 * pane actually loaded (a self-hosted office.js can be older than the host: then `workbook.notes` is undefined and
 * calling it would throw a TypeError).
 */

/** ExcelApi 1.4: reading the used range as values, document settings (where Banli keeps what it marked). */
// areas is optional: a capability object written before they existed means "not available".
export interface ExcelCapabilities {
  basic: boolean;
  /** ExcelApi 1.7: re-check when the sheet changes. */
  changeEvents: boolean;
  /** ExcelApi 1.9: fill patterns (exact restore of "no fill"). */
  fillPattern: boolean;
  /** ExcelApi 1.9: several cells in one range (getRanges), so one fill per severity instead of one per cell. */
  areas?: boolean;
  /** ExcelApi 1.18: notes on cells. */
  notes: boolean;
  /**
   * Office document settings with every member Banli calls (get, set, remove, saveAsync: the common API, checked on
   * the object itself — src/excel/settings.ts), where 设置 is kept with the workbook. Undefined: not asked.
   */
  documentSettings?: boolean;
}

// documentSettings is not an ExcelApi set: it is asked of the document settings object itself (host.ts).
export type ExcelCapability = Exclude<keyof ExcelCapabilities, 'documentSettings'>;

export const EXCEL_SETS: Record<ExcelCapability, string> = {
  basic: '1.4',
  changeEvents: '1.7',
  fillPattern: '1.9',
  areas: '1.9',
  notes: '1.18',
};

/**
 * Every proxy member the Excel adapters touch, by office.js class, with the capability that guards it. `basic`
 * members are needed for anything at all. tests/excel/officejs.test.ts loads Microsoft's office.js files copied into
 * dist/ and checks that each member exists there or that its capability comes out false.
 */
export const EXCEL_MEMBERS: Array<[cls: string, member: string, guard: ExcelCapability]> = [
  ['Workbook', 'worksheets', 'basic'],
  ['Workbook', 'settings', 'basic'],
  ['WorksheetCollection', 'getItem', 'basic'],
  ['WorksheetCollection', 'getItemOrNullObject', 'basic'],
  ['WorksheetCollection', 'add', 'basic'],
  ['WorksheetCollection', 'items', 'basic'],
  ['Worksheet', 'name', 'basic'],
  ['Worksheet', 'visibility', 'basic'],
  ['Worksheet', 'getRange', 'basic'],
  ['Worksheet', 'getUsedRangeOrNullObject', 'basic'],
  ['Worksheet', 'activate', 'basic'],
  ['Worksheet', 'delete', 'basic'],
  ['Worksheet', 'charts', 'basic'],
  ['Range', 'values', 'basic'],
  ['Range', 'format', 'basic'],
  ['Range', 'select', 'basic'],
  ['Range', 'rowIndex', 'basic'],
  ['Range', 'columnIndex', 'basic'],
  ['Range', 'rowCount', 'basic'],
  ['Range', 'columnCount', 'basic'],
  ['RangeFormat', 'fill', 'basic'],
  ['RangeFormat', 'font', 'basic'],
  ['RangeFormat', 'columnWidth', 'basic'],
  ['RangeFill', 'color', 'basic'],
  ['RangeFill', 'clear', 'basic'],
  ['RangeFont', 'bold', 'basic'],
  ['RangeFont', 'size', 'basic'],
  ['SettingCollection', 'add', 'basic'],
  ['SettingCollection', 'getItemOrNullObject', 'basic'],
  ['Setting', 'value', 'basic'],
  ['Setting', 'delete', 'basic'],
  ['ChartCollection', 'add', 'basic'],
  ['Chart', 'title', 'basic'],
  ['Chart', 'legend', 'basic'],
  ['Chart', 'setPosition', 'basic'],
  ['ChartTitle', 'text', 'basic'],
  ['ChartLegend', 'visible', 'basic'],
  ['Worksheet', 'onChanged', 'changeEvents'],
  ['RangeFill', 'pattern', 'fillPattern'],
  ['Worksheet', 'getRanges', 'areas'],
  ['RangeAreas', 'format', 'areas'],
  ['RangeFormat', 'fill', 'areas'],
  ['Workbook', 'notes', 'notes'],
  ['NoteCollection', 'add', 'notes'],
  ['NoteCollection', 'getItemOrNullObject', 'notes'],
  ['Note', 'content', 'notes'],
  ['Note', 'delete', 'notes'],
];

/** The office.js library's classes (window.Excel), or undefined where there is none (tests with a mock). */
export type Library = Record<string, unknown> | undefined;

/** Whether the loaded office.js has cls.prototype.member (a getter or a method on the proxy class). */
export function hasMember(lib: Library, cls: string, member: string): boolean {
  if (!lib) return true;
  const ctor = lib[cls] as { prototype?: object } | undefined;
  return !!ctor && typeof ctor.prototype === 'object' && ctor.prototype !== null && member in ctor.prototype;
}

type IsSetSupported = (name: string, version: string) => boolean;

/**
 * The host's sets, narrowed by the library's members. `lib` is window.Excel in the pane; a mock context passes
 * undefined (its objects have exactly the members the test gave them).
 */
export function excelCapabilities(isSetSupported: IsSetSupported, lib?: Library): ExcelCapabilities {
  const caps = {} as Required<ExcelCapabilities>;
  for (const key of Object.keys(EXCEL_SETS) as ExcelCapability[]) {
    caps[key] = isSetSupported('ExcelApi', EXCEL_SETS[key]) && EXCEL_MEMBERS.every(([c, m, g]) => g !== key || hasMember(lib, c, m));
  }
  if (!caps.basic) for (const key of Object.keys(caps) as ExcelCapability[]) caps[key] = false;
  return caps;
}

/** Plain words for the clerk about what this Excel cannot do. */
export function capabilityNotes(c: ExcelCapabilities): string[] {
  const out: string[] = [];
  if (!c.basic) out.push('这个版本的 Excel 较旧，不能在 Excel 中检查台账。请升级 Office，或在浏览器中打开单文件版页面检查台账文件。');
  if (c.basic && !c.changeEvents) out.push('这个版本的 Excel 不能在修改后自动重新检查：修改台账后请点“重新检查”。');
  if (c.basic && !c.notes) out.push('这个版本的 Excel 不能加批注：“标记问题”只给单元格着色，不加批注。');
  if (c.basic && c.documentSettings === false) out.push('这个版本的 Excel 不能把设置保存在工作簿中：“设置”只在这次打开窗格时有效。');
  return out;
}
