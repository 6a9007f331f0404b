/**
 * banli.config.json: the settings a clerk writes, as a plain object (validated against the JSON Schema shipped in
 * schema/ before it gets here), turned into the Config the reader and the rules use, and back.
 */
import { Config, DEFAULT_CONFIG, FIELD_LABELS, Field } from './vocabulary';
import { Place, SourceDef } from './sources';

/** The file's shape (every key optional). */
export interface ConfigFile {
  $schema?: string;
  officeLevel?: Exclude<Place, 'national'>;
  sources?: Record<string, SourceDef>;
  deadlineMonths?: number | Record<string, number>;
  fixedDeadlines?: Record<string, string>;
  maxExtensionMonths?: number;
  categories?: Record<string, string[]>;
  headers?: Record<string, string[]>;
  requiredColumns?: string[];
  dueSoonDays?: number;
  praisedUnits?: string[];
  /** 列对应: column (its id or Chinese label) → the ledger's header to read it from; '' = the ledger has none. */
  columns?: Record<string, string>;
}

export const CONFIG_FILE_NAME = 'banli.config.json';

const FIELDS = Object.keys(FIELD_LABELS) as Field[];

/** A field by its id (replyDate) or its Chinese label (答复日期). */
export function fieldOf(name: string): Field | null {
  if ((FIELDS as string[]).includes(name)) return name as Field;
  return FIELDS.find((f) => FIELD_LABELS[f] === name) ?? null;
}

/** Settings over the defaults. Extra header names are added to the built-in ones; everything else replaces. */
export function configFromFile(file: ConfigFile, base: Config = DEFAULT_CONFIG): Config {
  const config: Config = { ...base, headers: { ...base.headers } };
  if (file.officeLevel) config.officeLevel = file.officeLevel;
  if (file.sources) config.sources = { ...base.sources, ...file.sources };
  if (typeof file.deadlineMonths === 'number') config.deadlineMonths = file.deadlineMonths;
  else if (file.deadlineMonths) config.deadlineMonthsBySource = { ...file.deadlineMonths };
  if (file.fixedDeadlines) config.fixedDeadlines = { ...file.fixedDeadlines };
  if (file.maxExtensionMonths !== undefined) config.maxExtensionMonths = file.maxExtensionMonths;
  if (file.dueSoonDays !== undefined) config.dueSoonDays = file.dueSoonDays;
  if (file.praisedUnits) config.praisedUnits = [...file.praisedUnits];
  if (file.categories) {
    const grades = Object.keys(file.categories);
    config.categories = grades;
    config.degreeByCategory = Object.fromEntries(grades.map((g) => [g, [...file.categories![g]]]));
    // A grade written as a word (甲/乙/丙) names itself; Latin letters are read as letters.
    config.categoryWords = grades.map((g) => [g, /^[A-Z]$/.test(g) ? [...file.categories![g]] : [...file.categories![g], g]]);
  }
  if (file.headers) {
    for (const [name, extra] of Object.entries(file.headers)) {
      const f = fieldOf(name);
      if (f) config.headers[f] = [...config.headers[f], ...extra.filter((x) => !config.headers[f].includes(x))];
    }
  }
  if (file.requiredColumns) config.requiredFields = file.requiredColumns.map(fieldOf).filter((f): f is Field => f !== null);
  const columns = columnChoiceOf(file);
  if (Object.keys(columns).length) config.columns = columns;
  return config;
}

/** The settings a configuration differs from the defaults by, in the file's shape (for 设置 and banli init). */
export function configToFile(config: Config, base: Config = DEFAULT_CONFIG): ConfigFile {
  const out: ConfigFile = {};
  if (config.officeLevel && config.officeLevel !== 'national') out.officeLevel = config.officeLevel;
  if (Object.keys(config.sources).length) out.sources = { ...config.sources };
  out.deadlineMonths = config.deadlineMonthsBySource ? { ...config.deadlineMonthsBySource } : config.deadlineMonths;
  if (config.fixedDeadlines) out.fixedDeadlines = { ...config.fixedDeadlines };
  out.maxExtensionMonths = config.maxExtensionMonths;
  out.categories = Object.fromEntries(config.categories.map((c) => [c, [...(config.degreeByCategory[c] ?? [])]]));
  const headers: Record<string, string[]> = {};
  for (const f of FIELDS) {
    const extra = config.headers[f].filter((h) => !base.headers[f].includes(h));
    if (extra.length) headers[FIELD_LABELS[f]] = extra;
  }
  if (Object.keys(headers).length) out.headers = headers;
  out.requiredColumns = config.requiredFields.map((f) => FIELD_LABELS[f]);
  out.dueSoonDays = config.dueSoonDays;
  if (config.praisedUnits) out.praisedUnits = [...config.praisedUnits];
  if (config.columns && Object.keys(config.columns).length) {
    out.columns = Object.fromEntries((Object.entries(config.columns) as Array<[Field, string]>).map(([f, h]) => [FIELD_LABELS[f], h]));
  }
  return out;
}

/** The 列对应 a settings file keeps, by field (names neither an id nor a label are left out). */
export function columnChoiceOf(file: ConfigFile): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const [name, header] of Object.entries(file.columns ?? {})) {
    const f = fieldOf(name);
    if (f) out[f] = header;
  }
  return out;
}

/** Whether two 列对应 say the same (field order aside). */
export function sameColumnChoice(a: Partial<Record<Field, string>>, b: Partial<Record<Field, string>>): boolean {
  const ka = Object.keys(a) as Field[];
  return ka.length === Object.keys(b).length && ka.every((f) => a[f] === b[f]);
}

/**
 * The settings with this 列对应 kept in them (by the columns' Chinese labels, as a clerk reads the file), or without
 * any when the choice is empty. The rest of the settings unchanged.
 */
export function withColumnChoice(file: ConfigFile, choice: Partial<Record<Field, string>>): ConfigFile {
  const rest: ConfigFile = { ...file };
  delete rest.columns;
  const entries = (Object.entries(choice) as Array<[Field, string | undefined]>).filter((e): e is [Field, string] => e[1] !== undefined);
  return entries.length ? { ...rest, columns: Object.fromEntries(entries.map(([f, h]) => [FIELD_LABELS[f], h])) } : rest;
}

/** A filled-in example for banli init: the defaults written out, with the usual variations shown. */
export function exampleConfigFile(): ConfigFile {
  return {
    ...configToFile(DEFAULT_CONFIG),
    sources: { 议案转建议: { body: 'npc', level: 'own' } },
    fixedDeadlines: {},
    headers: { 答复日期: ['回函日期'], 主办单位: ['责任单位'] },
    praisedUnits: [],
  };
}
