/**
 * The WordHost for WPS 文字. WPS has no insertOoxml: Banli writes the circular to a temporary file and inserts it
 * with InsertFile — the complete .docx (page setup included) for the whole circular into an empty document, a
 * flat-OPC document otherwise. Every section carries two tags: its content control (banli:<section>) and a
 * bookmark around its contents (banli_<section>), so sections are found by the control where WPS keeps content
 * controls and by the bookmark where it does not. The last data is kept in document variables (saved with the file).
 */
import { Circular, SECTION_IDS, SectionId, docxParts, flatOpc, reconcile, sectionTag, today } from '../core';
import { InsertResult } from '../word/circular';
import { WordHost } from '../word/host';
import { DocumentStore, Saved, parseSaved } from '../word/store';
import { ConfigStore, loadStored, storedText } from '../config/documentStore';
import { WpsApplication, WpsDocument, WpsFileSystem, WpsGlobal, WpsRange } from './types';

export const DATA_VARIABLE = 'banliCircularV1';
/** Characters per document variable (Word and WPS keep up to about 65,000). */
const VARIABLE_CHUNK = 60000;

export function bookmarkName(id: SectionId): string {
  return `banli_${id}`;
}

/**
 * Adds a bookmark around the contents of each Banli content control: right inside <w:sdtContent>, so it is valid
 * for the block-level controls and for the colophon's inline one, and it survives if the control is dropped.
 */
export function withBookmarks(xml: string): string {
  let out = xml;
  SECTION_IDS.forEach((id, i) => {
    const tagAt = out.indexOf(`<w:tag w:val="${sectionTag(id)}"/>`);
    if (tagAt < 0) return;
    const open = out.indexOf('<w:sdtContent>', tagAt);
    const close = out.indexOf('</w:sdtContent>', open);
    if (open < 0 || close < 0) return;
    const bid = 7400 + i;
    const start = `<w:bookmarkStart w:id="${bid}" w:name="${bookmarkName(id)}"/>`;
    const end = `<w:bookmarkEnd w:id="${bid}"/>`;
    out = out.slice(0, open + 14) + start + out.slice(open + 14, close) + end + out.slice(close);
  });
  return out;
}

// ---- temporary files ----

export interface TempFiles {
  /** Whether bytes can be written (the .docx); text can always be written once a writer exists. */
  binary: boolean;
  text: boolean;
  write(ext: 'docx' | 'xml', data: Uint8Array | string): string;
  remove(path: string): void;
}

let counter = 0;

export function wpsTempFiles(fs: WpsFileSystem, tempDir: () => string): TempFiles {
  // Looked up at each call: the writers are not in the typings, and builds differ.
  const textWriter = () => fs.WriteFile ?? fs.writeFileString;
  const binaryWriter = () => fs.writeAsBinaryString;
  return {
    get binary() {
      return typeof binaryWriter() === 'function';
    },
    get text() {
      return typeof textWriter() === 'function';
    },
    write(ext, data) {
      const dir = tempDir().replace(/[\\/]+$/, '');
      const sep = dir.includes('\\') ? '\\' : '/';
      const path = `${dir}${sep}banli-${Date.now()}-${++counter}.${ext}`;
      let ok: boolean | void;
      if (typeof data === 'string') {
        const write = textWriter();
        if (!write) throw new Error('这个版本的 WPS 不能写临时文件，无法插入通报。请在独立页面（banli.html）生成 .docx 后用 WPS 打开。');
        ok = write.call(fs, path, data);
      } else {
        const write = binaryWriter();
        if (!write) throw new Error('这个版本的 WPS 不能写二进制临时文件。');
        let s = '';
        for (let i = 0; i < data.length; i += 0x8000) s += String.fromCharCode(...data.subarray(i, i + 0x8000));
        ok = write.call(fs, path, s);
      }
      if (ok === false || !fs.Exists(path)) throw new Error(`临时文件没有写成（${path}）：请检查临时文件夹是否可写，或在独立页面生成 .docx。`);
      return path;
    },
    remove(path) {
      try {
        if (fs.Exists(path)) fs.Remove(path);
      } catch {
        // a temporary file left behind is harmless
      }
    },
  };
}

// ---- finding Banli's sections ----

type Found = { kind: 'control'; range: WpsRange; remove(): void } | { kind: 'bookmark'; range: WpsRange };

export function findSection(doc: WpsDocument, id: SectionId): Found | null {
  const tag = sectionTag(id);
  for (let i = 1; i <= doc.ContentControls.Count; i++) {
    const cc = doc.ContentControls.Item(i);
    if (cc.Tag === tag) return { kind: 'control', range: cc.Range, remove: () => cc.Delete(true) };
  }
  const name = bookmarkName(id);
  if (doc.Bookmarks.Exists(name)) return { kind: 'bookmark', range: doc.Bookmarks.Item(name).Range };
  return null;
}

// ---- document variables ----

function variableNames(doc: WpsDocument): string[] {
  const out: string[] = [];
  for (let i = 1; i <= doc.Variables.Count; i++) out.push(doc.Variables.Item(i).Name);
  return out;
}

/** A text kept in the document's variables under a name (split into chunks name_0, name_1… when long). */
function variableText(doc: () => WpsDocument | null, name: string) {
  const chunkName = (i: number) => `${name}_${i}`;
  return {
    read(): string {
      const d = doc();
      if (!d) return '';
      const names = new Set(variableNames(d));
      let text = '';
      for (let i = 0; names.has(chunkName(i)); i++) text += d.Variables.Item(chunkName(i)).Value;
      return text;
    },
    /** Replaces the text ('' removes it). */
    write(text: string): void {
      const d = doc();
      if (!d) throw new Error('没有打开的文档。');
      for (const n of variableNames(d)) if (n.startsWith(`${name}_`)) d.Variables.Item(n).Delete();
      for (let i = 0, k = 0; i < text.length; i += VARIABLE_CHUNK, k++) d.Variables.Add(chunkName(k), text.slice(i, i + VARIABLE_CHUNK));
    },
  };
}

export function wpsDocumentStore(doc: () => WpsDocument | null): DocumentStore {
  const v = variableText(doc, DATA_VARIABLE);
  return {
    load() {
      const text = v.read();
      return text ? parseSaved(text) : null;
    },
    async save(saved: Saved) {
      v.write(JSON.stringify(saved));
    },
  };
}

/** Where 设置 are kept in a WPS 文字 document (document variables, like the data). */
export const CONFIG_VARIABLE = 'banliConfigV1';

/** 设置 kept in the document's variables: saved with the document; the defaults leave none. */
export function wpsWordConfigStore(doc: () => WpsDocument | null): ConfigStore {
  const v = variableText(doc, CONFIG_VARIABLE);
  return {
    load: () => loadStored(() => v.read() || null, '文档'),
    async save(file) {
      v.write(storedText(file) ?? '');
    },
  };
}

// ---- the host ----

function docxFile(c: Circular): Promise<Uint8Array> {
  return import('jszip').then(async ({ default: JSZip }) => {
    const parts = docxParts(c, today());
    parts['word/document.xml'] = withBookmarks(parts['word/document.xml']);
    const zip = new JSZip();
    for (const name of Object.keys(parts)) zip.file(name, parts[name]);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  });
}

function documentOf(app: WpsApplication): WpsDocument {
  const d = app.ActiveDocument;
  if (!d) throw new Error('没有打开的文档：请先在 WPS 文字中新建或打开一个文档。');
  return d;
}

/** Puts a section back from the data where its tag is: the old span goes, the new one (tagged again) comes in. */
function replaceSection(doc: WpsDocument, files: TempFiles, c: Circular, id: SectionId, found: Found): void {
  const start = found.range.Start;
  if (found.kind === 'control') found.remove();
  else doc.Range(start, found.range.End).Delete();
  const path = files.write('xml', withBookmarks(flatOpc(c, [id])));
  try {
    doc.Range(start, start).InsertFile(path);
  } finally {
    files.remove(path);
  }
}

export function wpsWordHost(wps: WpsGlobal, app: WpsApplication, files: TempFiles = wpsTempFiles(wps.FileSystem, () => wps.Env.GetTempPath())): WordHost {
  return {
    // Whether this WPS can write the .docx is known only at insert time (the writers are probed then); the insert
    // result says when the page setup could not come along ('unsupported'), without naming any API to the clerk.
    product: 'wps',
    capabilities: { basic: true, fileWithSections: true },
    store: wpsDocumentStore(() => app.ActiveDocument),
    settings: wpsWordConfigStore(() => app.ActiveDocument),
    async insert(c, ids, opts): Promise<InsertResult> {
      const doc = documentOf(app);
      const found = ids.map((id) => ({ id, at: findSection(doc, id) }));
      const existing = found.filter((f) => f.at).map((f) => f.id);
      if (existing.length && !opts.replace) return { kind: 'conflict', existing };
      const whole = ids.length === SECTION_IDS.length;
      const empty = doc.Content.Text.replace(/[\r\n\s]/g, '') === '';
      if (whole && empty && !existing.length && files.binary && opts.docxBase64) {
        const path = files.write('docx', await docxFile(c));
        try {
          app.Selection.InsertFile(path);
        } finally {
          files.remove(path);
        }
        return { kind: 'inserted', inserted: ids, replaced: [], pageSetup: 'applied' };
      }
      for (const f of found) if (f.at) replaceSection(doc, files, c, f.id, f.at);
      const fresh = ids.filter((id) => !existing.includes(id));
      if (fresh.length) {
        const path = files.write('xml', withBookmarks(flatOpc(c, fresh)));
        try {
          app.Selection.InsertFile(path);
        } finally {
          files.remove(path);
        }
      }
      return { kind: 'inserted', inserted: fresh, replaced: existing, pageSetup: !whole ? 'sections-only' : !empty ? 'not-empty' : 'unsupported' };
    },
    async refresh(c) {
      const doc = documentOf(app);
      const refreshed: SectionId[] = [];
      for (const id of SECTION_IDS) {
        const at = findSection(doc, id);
        if (!at) continue;
        replaceSection(doc, files, c, id, at);
        refreshed.push(id);
      }
      return { refreshed, missing: SECTION_IDS.filter((id) => !refreshed.includes(id)) };
    },
    async reconcile(c) {
      const doc = documentOf(app);
      const texts: Partial<Record<SectionId, string>> = {};
      for (const id of SECTION_IDS) {
        const at = findSection(doc, id);
        if (at) texts[id] = at.range.Text;
      }
      return { diffs: reconcile(c, texts), present: Object.keys(texts) as SectionId[] };
    },
  };
}
