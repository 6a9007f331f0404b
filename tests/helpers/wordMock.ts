/* eslint-disable @typescript-eslint/no-this-alias -- mock methods get the mock as `this`; `fake` is the document */
/**
 * A fake Word document behind office-addin-mock objects: a list of blocks, each a plain paragraph or a content
 * control with a tag. insertOoxml and insertFileFromBase64 are applied at context.sync(), which is counted.
 */
import JSZip from 'jszip';
import { OfficeMockObject } from 'office-addin-mock';

export type Block =
  | { kind: 'para'; text: string }
  | { kind: 'cc'; tag: string; text: string; xml: string }
  /** A table, an inline picture, a floating text box or picture (anchored shape): no text of their own here. */
  | { kind: 'table' | 'picture' | 'shape'; text: string };

/**
 * A mock's members checked against the real proxy class from @types/office-js: a member the class does not have
 * is a type error, and so is a method called with arguments the class would not take.
 */
export type MockOf<T> = { [K in keyof T]?: T[K] extends (...args: infer A) => unknown ? (...args: A) => unknown : unknown };

const XML_OF: Record<'table' | 'picture' | 'shape', string> = {
  table: '<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>',
  picture: '<w:p><w:r><w:drawing><wp:inline><a:graphic/></wp:inline></w:drawing></w:r></w:p>',
  shape: '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:txbx><w:txbxContent><w:p/></w:txbxContent></wps:txbx></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r></w:p>',
};

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A flat-OPC package holding these blocks, as body.getOoxml() gives it (styles left out). */
export function packageOf(blocks: Block[], part: 'body' | 'hdr' = 'body'): string {
  const inner = blocks
    .map((b) => (b.kind === 'para' ? `<w:p><w:r><w:t xml:space="preserve">${escapeText(b.text)}</w:t></w:r></w:p>` : b.kind === 'cc' ? b.xml : XML_OF[b.kind]))
    .join('');
  const main = part === 'body' ? `<w:document><w:body>${inner || '<w:p/>'}<w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:body></w:document>` : `<w:hdr>${inner || '<w:p/>'}</w:hdr>`;
  return `<pkg:package><pkg:part pkg:name="/word/document.xml"><pkg:xmlData>${main}</pkg:xmlData></pkg:part></pkg:package>`;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of some WordprocessingML: paragraphs joined by line breaks. */
export function ooxmlText(xml: string): string {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join(''))
    .join('\n');
}

/** The body of a flat-OPC package or document.xml, as blocks. */
export function blocksOf(xml: string): Block[] {
  const body = /<w:body>([\s\S]*?)(?:<w:sectPr[\s\S]*)?<\/w:body>/.exec(xml)?.[1] ?? '';
  const out: Block[] = [];
  const re = /<w:sdt>([\s\S]*?)<\/w:sdt>|<w:p[ >][\s\S]*?<\/w:p>/g;
  for (const m of body.matchAll(re)) {
    if (m[0].startsWith('<w:sdt>')) {
      const tag = /<w:tag w:val="([^"]*)"/.exec(m[0])![1];
      out.push({ kind: 'cc', tag, text: ooxmlText(m[0]), xml: m[0] });
    } else if (/<w:sdt>/.test(m[0])) {
      // An inline control inside a paragraph (the colophon): the paragraph is the control's block.
      const tag = /<w:tag w:val="([^"]*)"/.exec(m[0])![1];
      out.push({ kind: 'cc', tag, text: ooxmlText(m[0]), xml: m[0] });
    } else out.push({ kind: 'para', text: ooxmlText(m[0]) });
  }
  return out;
}

export class FakeWord {
  blocks: Block[];
  /** Index in blocks where the cursor is. */
  cursor: number;
  syncs = 0;
  ooxmlInserts: string[] = [];
  fileInserts: Array<{ base64: string; location: string; options: unknown; level: 'document' | 'body' }> = [];
  /** Header and footer contents by "header:Primary", "footer:EvenPages", … (empty when absent). */
  headers: Record<string, Block[]> = {};
  /** Whether the proxy classes have Document.insertFileFromBase64 (a 2022 office.js does not). */
  documentFileInsert = true;
  private synced = 0;
  private queue: Array<() => Promise<void> | void> = [];
  private mocks: OfficeMockObject[] = [];

  constructor(blocks: Block[] = [], cursor = blocks.length) {
    this.blocks = blocks;
    this.cursor = cursor;
  }

  text(): string {
    return this.blocks.map((b) => b.text).join('\n');
  }

  tags(): string[] {
    return this.blocks.flatMap((b) => (b.kind === 'cc' ? [b.tag] : []));
  }

  private track<T extends OfficeMockObject>(m: T): T {
    this.mocks.push(m);
    return m;
  }

  private ccMock(block: Extract<Block, { kind: 'cc' }>): OfficeMockObject {
    const fake = this;
    const replace = (ooxml: string) => {
      fake.ooxmlInserts.push(ooxml);
      fake.queue.push(() => {
        const inner = blocksOf(ooxml);
        if (inner.some((b) => b.kind === 'cc' && b.tag === block.tag)) {
          // The colophon: its paragraph replaced whole by one holding the same inline control.
          const i = fake.blocks.indexOf(block);
          fake.blocks.splice(i, 1, ...inner);
        } else {
          block.text = inner.map((b) => b.text).join('\n');
          block.xml = ooxml;
        }
      });
    };
    return this.track(
      new OfficeMockObject({
        tag: block.tag,
        text: block.text,
        insertOoxml(ooxml: string, location: string) {
          if (location !== 'Replace') throw new Error(`unexpected location ${location}`);
          replace(ooxml);
        },
        getRange() {
          return { paragraphs: { getFirst: () => ({ insertOoxml: (ooxml: string) => replace(ooxml) }) } };
        },
      }),
    );
  }

  private collectionMock(tag: string): OfficeMockObject {
    const items = this.blocks.filter((b): b is Extract<Block, { kind: 'cc' }> => b.kind === 'cc' && b.tag === tag).map((b) => this.ccMock(b));
    return this.track(
      new OfficeMockObject({
        items,
        load(props: string) {
          OfficeMockObject.prototype.load.call(this, 'items');
          const names = props
            .split(',')
            .map((p) => p.trim().replace(/^items\/?/, ''))
            .filter(Boolean);
          if (names.length) for (const it of items) it.load(names.join(','));
          return this;
        },
      }),
    );
  }

  context(): Word.RequestContext {
    const fake = this;
    const result = (value: () => string): OfficeExtension.ClientResult<string> => {
      const at = fake.synced;
      return {
        get value() {
          if (fake.synced === at) throw new Error('PropertyNotLoaded: a ClientResult is read only after context.sync()');
          return value();
        },
      } as OfficeExtension.ClientResult<string>;
    };
    // Plain data: office-addin-mock makes nested objects mocks of their own (loaded and synced with the body).
    const counted = (kinds: Block['kind'][]) => ({ items: fake.blocks.filter((b) => kinds.includes(b.kind)).map((b) => ({ text: b.text })) });
    const fileInto = (level: 'document' | 'body') => (base64: string, location: string, options?: unknown) => {
      fake.fileInserts.push({ base64, location, options, level });
      fake.queue.push(async () => {
        const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
        const xml = await zip.file('word/document.xml')!.async('string');
        if (location === 'Replace') fake.blocks = blocksOf(xml);
      });
    };
    const bodyShape: MockOf<Word.Body> = {
      text: this.text(),
      tables: counted(['table']) as unknown as Word.TableCollection,
      inlinePictures: counted(['picture']) as unknown as Word.InlinePictureCollection,
      contentControls: counted(['cc']) as unknown as Word.ContentControlCollection,
      shapes: counted(['shape']) as unknown as Word.ShapeCollection,
      getOoxml: () => result(() => packageOf(fake.blocks)),
      insertFileFromBase64: fileInto('body'),
    };
    const body = this.track(new OfficeMockObject(bodyShape as Record<string, unknown>));
    const part = (key: string): MockOf<Word.Body> => ({ getOoxml: () => result(() => packageOf(fake.headers[key] ?? [], 'hdr')) });
    const sectionShape: MockOf<Word.Section> = {
      getHeader: (type) => part(`header:${type}`),
      getFooter: (type) => part(`footer:${type}`),
    };
    const sections = this.track(new OfficeMockObject({ items: [sectionShape] }));
    const documentShape: MockOf<Word.Document> = {
      body: body as unknown as Word.Body,
      sections: sections as unknown as Word.SectionCollection,
      contentControls: {
        getByTag: (tag: string) => fake.collectionMock(tag),
      } as unknown as Word.ContentControlCollection,
      getSelection: () =>
        ({
          insertOoxml(ooxml: string, location: string) {
            if (location !== 'Replace') throw new Error(`unexpected location ${location}`);
            fake.ooxmlInserts.push(ooxml);
            fake.queue.push(() => {
              fake.blocks.splice(fake.cursor, 0, ...blocksOf(ooxml));
            });
          },
        }) as unknown as Word.Range,
      ...(this.documentFileInsert ? { insertFileFromBase64: fileInto('document') } : {}),
    };
    const document = documentShape;
    return {
      document,
      async sync() {
        fake.syncs++;
        fake.synced++;
        const ops = fake.queue;
        fake.queue = [];
        for (const op of ops) await op();
        for (const m of fake.mocks) await m.sync();
      },
    } as unknown as Word.RequestContext;
  }
}
