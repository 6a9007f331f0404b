/** What the host can do, checked at run time (no API set is required by the manifest). */
export interface ExcelCapabilities {
  /** ExcelApi 1.4: reading the used range as values, document settings (where Banli keeps what it marked). */
  basic: boolean;
  /** ExcelApi 1.7: re-check when the sheet changes. */
  changeEvents: boolean;
  /** ExcelApi 1.9: fill patterns (exact restore of "no fill"). */
  fillPattern: boolean;
  /** ExcelApi 1.18: notes on cells. */
  notes: boolean;
}

type IsSetSupported = (name: string, version: string) => boolean;

export function excelCapabilities(isSetSupported: IsSetSupported): ExcelCapabilities {
  return {
    basic: isSetSupported('ExcelApi', '1.4'),
    changeEvents: isSetSupported('ExcelApi', '1.7'),
    fillPattern: isSetSupported('ExcelApi', '1.9'),
    notes: isSetSupported('ExcelApi', '1.18'),
  };
}

/** Plain words for the clerk about what this Excel cannot do. */
export function capabilityNotes(c: ExcelCapabilities): string[] {
  const out: string[] = [];
  if (!c.basic) out.push('这个版本的 Excel 较旧，不能在 Excel 中检查台账。请升级 Office，或在浏览器中打开单文件版页面检查台账文件。');
  if (c.basic && !c.changeEvents) out.push('这个版本的 Excel 不能在修改后自动重新检查：修改台账后请点“重新检查”。');
  if (c.basic && !c.notes) out.push('这个版本的 Excel 不能加批注：“标记问题”只给单元格着色，不加批注。');
  return out;
}
