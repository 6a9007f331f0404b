/**
 * Streaming XML: a part's inflated bytes decoded as UTF-8 across chunk boundaries (fflate's DecodeUTF8: TextDecoder with stream where there is one) and
 * tokenised by saxes. Handlers get local names (the prefix dropped), so <x:c> and <c>, transitional and Strict,
 * read alike.
 */
import { DecodeUTF8 } from 'fflate';
import { SaxesParser } from 'saxes';
import { ZipEntry, inflateEntry } from './zip';

export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Thrown by saxes for XML that is not well-formed: the part, and saxes' own text (English, for debugging only). */
export class XmlFormatError extends Error {
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super(detail);
  }
}

export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

export function streamXml(buf: Uint8Array, entry: ZipEntry, limit: number, h: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => h.open(localName(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing));
  if (h.close) {
    const close = h.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  parser.on('error', (e) => {
    throw new XmlFormatError(entry.name, `${entry.name}: ${e.message}`);
  });
  let first = true;
  const decoder = new DecodeUTF8((text) => {
    if (first && text) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text) parser.write(text);
  });
  inflateEntry(buf, entry, limit, (chunk) => decoder.push(chunk));
  decoder.push(new Uint8Array(0), true);
  parser.close();
}

/** Excel's escapes for characters XML cannot carry: _x000D_ is a carriage return, _x005F_ an underscore. */
export function unescapeOoxml(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** xsd:boolean as OOXML writes it: 1, true, on (and Strict's true). */
export function xmlTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true' || v === 'on';
}
