/**
 * The part of the WPS object model Banli uses, with return types. The `wps-jsapi` typings (Kingsoft's, on npm)
 * are generated from the COM type library: a method's result is declared as a trailing `RHS`/`prop` parameter and
 * the method as returning void, and some properties carry placeholder types (`UsedRange: number`). So the adapters
 * program against these narrow interfaces, and tests/wps/typings.test.ts checks at compile time that every member
 * named here is a member of the same-named interface in the typings (Et.EtRange, Wps.WpsDocument …).
 *
 * Everything here is synchronous: WPS's JS API calls into the application directly (no batches, no sync()).
 */

// ---- WPS 表格 (Et) ----

export interface EtInterior {
  /** BGR colour as a number (0xBBGGRR), as in VBA. */
  Color: number;
  /** xlColorIndexNone = -4142 when the cell has no fill. */
  ColorIndex: number;
  /** xlPatternNone = -4142, xlPatternSolid = 1, xlPatternAutomatic = -4105. */
  Pattern: number;
}

export interface EtComment {
  Text(Text?: string, Start?: number, Overwrite?: boolean): string;
  Delete(): void;
}

export interface EtRange {
  /** A scalar for one cell, a 2-D array (rows of columns) for more. Dates are serial numbers. */
  Value2: unknown;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly Interior: EtInterior;
  /** The cell's comment (批注), or null. */
  readonly Comment: EtComment | null;
  AddComment(Text?: string): EtComment;
  ClearComments(): void;
  Select(): void;
  readonly Font: { Bold: boolean; Size: number };
  ColumnWidth: number;
  readonly Left: number;
  readonly Top: number;
}

export interface EtChartTitle {
  Text: string;
}

export interface EtChart {
  ChartType: number;
  SetSourceData(Source: EtRange, PlotBy?: number): void;
  HasTitle: boolean;
  readonly ChartTitle: EtChartTitle;
  HasLegend: boolean;
}

export interface EtChartObject {
  readonly Chart: EtChart;
}

export interface EtChartObjects {
  readonly Count: number;
  Add(Left: number, Top: number, Width: number, Height: number): EtChartObject;
}

export interface EtWorksheet {
  Name: string;
  /** xlSheetVisible = -1, xlSheetHidden = 0, xlSheetVeryHidden = 2. */
  Visible: number;
  readonly UsedRange: EtRange;
  Range(Cell1: string, Cell2?: string): EtRange;
  ChartObjects(): EtChartObjects;
  Activate(): void;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  Item(Index: number | string): EtWorksheet;
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Name: string;
  /** True (or non-zero) when the workbook uses the 1904 date system. */
  Date1904: boolean | number;
  readonly Worksheets: EtSheets;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  DisplayAlerts: boolean;
}

// ---- WPS 文字 (Wps) ----

export interface WpsRange {
  Text: string;
  Start: number;
  End: number;
  InsertFile(FileName: string): void;
  Delete(): number;
}

export interface WpsContentControl {
  Tag: string;
  readonly Range: WpsRange;
  Delete(DeleteContents?: boolean): void;
}

export interface WpsContentControls {
  readonly Count: number;
  /** 1-based. */
  Item(Index: number): WpsContentControl;
}

export interface WpsBookmark {
  readonly Name: string;
  readonly Range: WpsRange;
}

export interface WpsBookmarks {
  readonly Count: number;
  Item(Index: number | string): WpsBookmark;
  Exists(Name: string): boolean;
}

export interface WpsVariable {
  readonly Name: string;
  Value: string;
  Delete(): void;
}

export interface WpsVariables {
  readonly Count: number;
  Item(Index: number | string): WpsVariable;
  Add(Name: string, Value: string): WpsVariable;
}

export interface WpsDocument {
  readonly Content: WpsRange;
  readonly ContentControls: WpsContentControls;
  readonly Bookmarks: WpsBookmarks;
  readonly Variables: WpsVariables;
  Range(Start?: number, End?: number): WpsRange;
}

export interface WpsSelection {
  readonly Range: WpsRange;
  InsertFile(FileName: string): void;
}

export interface WpsApplication {
  readonly ActiveDocument: WpsDocument | null;
  readonly Selection: WpsSelection;
}

// ---- The `wps` global (add-in services) ----

export interface WpsTaskPane {
  Visible: boolean;
  readonly ID: number;
}

/** Beyond the typings (which declare WriteFile only as a comment): probed at run time. */
export interface WpsFileWriters {
  /** Writes a string whose char codes are the bytes (newer builds). */
  writeAsBinaryString?(path: string, data: string): boolean | void;
  /** Writes text (UTF-8). */
  WriteFile?(path: string, data: string): boolean | void;
  writeFileString?(path: string, data: string): boolean | void;
}

export interface WpsFileSystem extends WpsFileWriters {
  Exists(path: string): boolean;
  Remove(path: string): void;
  Mkdir(path: string): void;
}

export interface WpsGlobal {
  EtApplication?(): EtApplication;
  WpsApplication?(): WpsApplication;
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane;
  ApiEvent: {
    AddApiEventListener(name: string, callback: (...args: unknown[]) => void): void;
    RemoveApiEventListener(name: string, callback?: (...args: unknown[]) => void): void;
  };
  FileSystem: WpsFileSystem;
  Env: { GetTempPath(): string };
  PluginStorage: { getItem(key: string): string | null; setItem(key: string, value: string | number | boolean): void };
}
