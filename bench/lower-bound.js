// The lower bound of reading a workbook: unzip the parts with fflate and tokenise them with saxes, keeping only
// what a reader needs (shared strings without phonetic runs, date styles, 1904, each cell's value as a token,
// merges, hidden rows), building nothing. Banli's reader does this and also builds the Grid; `banli check` then
// analyses it. Self-contained on purpose: it must not share code with the reader it bounds.
// node bench/lower-bound.js FILE → prints the number of cells tokenised.
'use strict';
const fs = require('fs');
const { unzipSync, strFromU8, Inflate, DecodeUTF8 } = require('fflate');
const { SaxesParser } = require('saxes');

const buf = fs.readFileSync(process.argv[2]);
// The central directory only (filter: nothing inflated here); each part is then inflated as a stream.
const entries = new Map();
unzipSync(buf, { filter: (f) => (entries.set(f.name, f), false) });
const names = [...entries.keys()];

function stream(name, onOpen, onClose, onText) {
  const lname = names.find((n) => n.toLowerCase() === name.toLowerCase());
  if (!lname) return;
  // Local header → data; inflated in slices, decoded as UTF-8 across the slices, tokenised as it comes.
  const off = findLocal(lname);
  const p = new SaxesParser({ position: false });
  p.on('opentag', (t) => onOpen(t.name.slice(t.name.indexOf(':') + 1), t.attributes));
  if (onClose) p.on('closetag', (t) => onClose(t.name.slice(t.name.indexOf(':') + 1)));
  if (onText) p.on('text', onText);
  const dec = new DecodeUTF8((s) => s && p.write(s));
  const inf = new Inflate((c) => dec.push(c));
  const { start, end, method } = off;
  if (method === 0) dec.push(buf.subarray(start, end));
  else for (let i = start; i < end; i += 16384) inf.push(buf.subarray(i, Math.min(end, i + 16384)), i + 16384 >= end);
  dec.push(new Uint8Array(0), true);
  p.close();
}

function findLocal(name) {
  // Central directory: walk it for the entry's local header offset and compressed size.
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buf.readUInt32LE(eocd + 16);
  for (;;) {
    const nameLen = buf.readUInt16LE(p + 28);
    const n = strFromU8(buf.subarray(p + 46, p + 46 + nameLen));
    if (n === name) {
      const h = buf.readUInt32LE(p + 42);
      const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
      return { start, end: start + buf.readUInt32LE(p + 20), method: buf.readUInt16LE(p + 10) };
    }
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
}

let date1904 = false;
const sheets = [];
stream('xl/workbook.xml', (n, a) => {
  if (n === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
  if (n === 'sheet') sheets.push(a);
});
const rels = new Map();
stream('xl/_rels/workbook.xml.rels', (n, a) => n === 'Relationship' && rels.set(a.Id, a.Target));
const sst = [];
let inT = false;
let ph = false;
let s = '';
stream(
  'xl/sharedStrings.xml',
  (n) => (n === 'si' ? (s = '') : n === 'rPh' ? (ph = true) : n === 't' && !ph ? (inT = true) : 0),
  (n) => (n === 'si' ? sst.push(s) : n === 'rPh' ? (ph = false) : n === 't' ? (inT = false) : 0),
  (t) => inT && (s += t),
);
const fmts = [];
let inXfs = false;
stream('xl/styles.xml', (n, a) => (n === 'cellXfs' ? (inXfs = true) : n === 'xf' && inXfs ? fmts.push(Number(a.numFmtId)) : 0), (n) => n === 'cellXfs' && (inXfs = false));

let cells = 0;
const hidden = [];
const merges = [];
for (const sh of sheets) {
  const rid = Object.keys(sh).find((k) => k.endsWith(':id'));
  const target = rels.get(sh[rid]) || '';
  let inV = false;
  let v = '';
  let t = '';
  let style = 0;
  stream(
    target.startsWith('/') ? target.slice(1) : `xl/${target}`,
    (n, a) => {
      if (n === 'c') {
        t = a.t || '';
        style = a.s ? Number(a.s) : 0;
        v = '';
      } else if (n === 'v' || (n === 't' && t === 'inlineStr')) {
        inV = true;
        v = '';
      } else if (n === 'row' && (a.hidden === '1' || a.hidden === 'true')) hidden.push(a.r);
      else if (n === 'mergeCell') merges.push(a.ref);
    },
    (n) => {
      if (n === 'v' || n === 't') inV = false;
      else if (n === 'c' && v !== '') {
        // The value as a token: a string, a number, or a date-formatted number (1904 aware).
        const token = t === 's' ? sst[Number(v)] : t === '' || t === 'n' ? Number(v) + (date1904 && fmts[style] >= 14 && fmts[style] <= 22 ? 1462 : 0) : v;
        if (token !== undefined) cells++;
      }
    },
    (x) => inV && (v += x),
  );
}
process.stdout.write(String(cells));
