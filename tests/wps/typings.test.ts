/// <reference types="wps-jsapi" />
/**
 * The adapters' view of the WPS object model (src/wps/types.ts) against Kingsoft's `wps-jsapi` typings. The typings
 * come from the COM type library (results as a trailing RHS parameter, methods typed void), so return types cannot
 * be taken from them; what is checked at compile time (tsc and ts-jest) is that every member the adapters and the
 * fake use exists, under the same name, on the same object in the typings, and that the plain properties whose
 * types the typings give usefully agree. A member outside the typings fails the build with its name.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type * as T from '../../src/wps/types';
import { FakeEtApp, FakeWps, FakeWpsApp } from '../helpers/wpsFake';

/** The members of Mine that Theirs does not declare: never when all are there. */
type Missing<Mine, Theirs> = Exclude<keyof Mine, keyof Theirs>;
type Ok<M> = [M] extends [never] ? true : { missing: M };

// 表格
const etInterior: Ok<Missing<T.EtInterior, Et.EtInterior>> = true;
const etComment: Ok<Missing<T.EtComment, Et.EtComment>> = true;
const etRange: Ok<Missing<T.EtRange, Et.EtRange>> = true;
const etRows: Ok<Missing<T.EtRange['Rows'], Et.EtRange>> = true;
const etFont: Ok<Missing<T.EtRange['Font'], Et.EtFont>> = true;
const etChartTitle: Ok<Missing<T.EtChartTitle, Et.EtChartTitle>> = true;
const etChart: Ok<Missing<T.EtChart, Et.EtChart>> = true;
const etChartObject: Ok<Missing<T.EtChartObject, Et.EtChartObject>> = true;
const etChartObjects: Ok<Missing<T.EtChartObjects, Et.EtChartObjects>> = true;
const etWorksheet: Ok<Missing<T.EtWorksheet, Et.EtWorksheet>> = true;
const etSheets: Ok<Missing<T.EtSheets, Et.EtSheets>> = true;
const etWorkbook: Ok<Missing<T.EtWorkbook, Et.EtWorkbook>> = true;
const etApplication: Ok<Missing<T.EtApplication, Et.EtApplication>> = true;
// 文字
const wpsRange: Ok<Missing<T.WpsRange, Wps.WpsRange>> = true;
const wpsControl: Ok<Missing<T.WpsContentControl, Wps.WpsContentControl>> = true;
const wpsControls: Ok<Missing<T.WpsContentControls, Wps.WpsContentControls>> = true;
const wpsBookmark: Ok<Missing<T.WpsBookmark, Wps.WpsBookmark>> = true;
const wpsBookmarks: Ok<Missing<T.WpsBookmarks, Wps.WpsBookmarks>> = true;
const wpsVariable: Ok<Missing<T.WpsVariable, Wps.WpsVariable>> = true;
const wpsVariables: Ok<Missing<T.WpsVariables, Wps.WpsVariables>> = true;
const wpsDocument: Ok<Missing<T.WpsDocument, Wps.WpsDocument>> = true;
const wpsSelection: Ok<Missing<T.WpsSelection, Wps.WpsSelection>> = true;
const wpsApplication: Ok<Missing<T.WpsApplication, Wps.WpsApplication>> = true;
// the add-in global; the file writers are probed at run time (the typings have WriteFile only as a comment)
const wpsGlobal: Ok<Missing<T.WpsGlobal, typeof wps>> = true;
const taskPane: Ok<Missing<T.WpsTaskPane, wps.CustomTaskpane>> = true;
const fileSystem: Ok<Missing<Omit<T.WpsFileSystem, keyof T.WpsFileWriters>, typeof wps.FileSystem>> = true;
const env: Ok<Missing<T.WpsGlobal['Env'], typeof wps.Env>> = true;
const apiEvent: Ok<Missing<T.WpsGlobal['ApiEvent'], typeof wps.ApiEvent>> = true;
const storage: Ok<Missing<T.WpsGlobal['PluginStorage'], typeof wps.PluginStorage>> = true;

// Plain properties whose types the typings give usefully: the same types.
const scalars: Array<[unknown, unknown]> = [
  [{} as Pick<Et.EtRange, 'Row' | 'Column'>, {} as Pick<T.EtRange, 'Row' | 'Column'>],
  [{} as Pick<Et.EtWorksheet, 'Name'>, {} as Pick<T.EtWorksheet, 'Name'>],
  [{} as Pick<Et.EtWorkbook, 'Name'>, {} as Pick<T.EtWorkbook, 'Name'>],
  [{} as Pick<Wps.WpsRange, 'Text' | 'Start' | 'End'>, {} as Pick<T.WpsRange, 'Text' | 'Start' | 'End'>],
  [{} as Pick<Wps.WpsContentControl, 'Tag'>, {} as Pick<T.WpsContentControl, 'Tag'>],
  [{} as Pick<Wps.WpsVariable, 'Name' | 'Value'>, {} as Pick<T.WpsVariable, 'Name' | 'Value'>],
  [{} as Pick<Wps.WpsBookmark, 'Name'>, {} as Pick<T.WpsBookmark, 'Name'>],
  [{} as Pick<wps.CustomTaskpane, 'Visible' | 'ID'>, {} as Pick<T.WpsTaskPane, 'Visible' | 'ID'>],
];

// The fakes implement the adapters' interfaces (checked by `implements` in the fake, and here as values).
const fakes: [T.EtApplication, T.WpsGlobal, T.WpsApplication] = [new FakeEtApp(() => []), new FakeWps(), new FakeWpsApp(new FakeWps().FileSystem)];

const TYPINGS = path.join(__dirname, '../../node_modules/wps-jsapi/src');

test('every member Banli uses is declared by the wps-jsapi typings (compile time), and the fakes implement them', () => {
  const all = [etInterior, etComment, etRange, etRows, etFont, etChartTitle, etChart, etChartObject, etChartObjects, etWorksheet, etSheets, etWorkbook, etApplication,
    wpsRange, wpsControl, wpsControls, wpsBookmark, wpsBookmarks, wpsVariable, wpsVariables, wpsDocument, wpsSelection, wpsApplication,
    wpsGlobal, taskPane, fileSystem, env, apiEvent, storage];
  expect(all.every((x) => x === true)).toBe(true);
  expect(scalars).toHaveLength(8);
  expect(fakes.map((f) => typeof f)).toEqual(['object', 'object', 'object']);
});

test('the typings declare the events and services the add-in relies on, in the form it calls them', () => {
  const index = readFileSync(path.join(TYPINGS, 'index.d.ts'), 'utf8');
  expect(index).toMatch(/AddApiEventListener\(EtEventName: 'SheetChange', callback: \(WorkSheet: object, Range:object\) => void\)/);
  expect(index).toMatch(/export function CreateTaskPane\(url: string, title: string\): CustomTaskpane;/);
  expect(index).toMatch(/export function GetTempPath\(\): string;/);
  // Writing a file is not in the typings (only as a comment): the adapter probes for it and says so when absent.
  expect(index).toMatch(/\/\/ export function WriteFile\(path: string, data: string\): void;/);
  const et = readFileSync(path.join(TYPINGS, 'lib.et.d.ts'), 'utf8');
  expect(et).toMatch(/Date1904: number;/);
  const pkg = JSON.parse(readFileSync(path.join(TYPINGS, '../package.json'), 'utf8')) as { version: string };
  expect(pkg.version).toBe('1.0.5');
});
