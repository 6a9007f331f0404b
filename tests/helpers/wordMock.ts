/* eslint-disable @typescript-eslint/no-this-alias -- mock methods get the mock as `this`; `fake` is the document */
/**
 * A fake Word document behind office-addin-mock objects: a list of blocks, each a plain paragraph or a content
 * control with a tag. insertOoxml and insertFileFromBase64 are applied at context.sync(), which is counted.
 */
import JSZip from 'jszip';
import { OfficeMockObject } from 'office-addin-mock';

export type Block = { kind: 'para'; text: string } | { kind: 'cc'; tag: string; text: string; xml: string };

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
  fileInserts: Array<{ base64: string; location: string; options: unknown }> = [];
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
    const body = this.track(new OfficeMockObject({ text: this.text() }));
    const document = {
      body,
      contentControls: {
        getByTag: (tag: string) => fake.collectionMock(tag),
      },
      getSelection: () => ({
        insertOoxml(ooxml: string, location: string) {
          if (location !== 'Replace') throw new Error(`unexpected location ${location}`);
          fake.ooxmlInserts.push(ooxml);
          fake.queue.push(() => {
            fake.blocks.splice(fake.cursor, 0, ...blocksOf(ooxml));
          });
        },
      }),
      insertFileFromBase64(base64: string, location: string, options: unknown) {
        fake.fileInserts.push({ base64, location, options });
        fake.queue.push(async () => {
          const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
          const xml = await zip.file('word/document.xml')!.async('string');
          if (location === 'Replace') fake.blocks = blocksOf(xml);
        });
      },
    };
    return {
      document,
      async sync() {
        fake.syncs++;
        const ops = fake.queue;
        fake.queue = [];
        for (const op of ops) await op();
        for (const m of fake.mocks) await m.sync();
      },
    } as unknown as Word.RequestContext;
  }
}
