#!/usr/bin/env node
// office.js for the `local` build mode (intranets without internet).
//
//   npm run office-js:update -- --from DIR
//
// installs into office-js/ (at the project root) a snapshot of the folder Microsoft's CDN serves as lib/1/hosted,
// which IT downloaded on a connected machine. The build then copies it into dist/office-js/. Without a snapshot
// the build uses the npm package @microsoft/office-js as the fallback (an old build: see README, office.js).
//
// The module also holds what the build and the tests share: where the office.js files come from, which build they
// are, and which of them are copied.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const SNAPSHOT_DIR = path.join(ROOT, 'office-js');
const NPM_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const CDN_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The folder the `local` build copies from: BANLI_OFFICE_JS_DIR, else an installed snapshot, else the npm package. */
function officeJsSource(env = process.env) {
  if (env.BANLI_OFFICE_JS_DIR) return { dir: path.resolve(env.BANLI_OFFICE_JS_DIR), kind: 'snapshot' };
  if (fs.existsSync(path.join(SNAPSHOT_DIR, 'office.js'))) return { dir: SNAPSHOT_DIR, kind: 'snapshot' };
  return { dir: NPM_DIR, kind: 'npm' };
}

/** The library's own build number (OSF.ConstantNames.FileVersion in office.js), or null. */
function officeJsBuild(dir) {
  const file = path.join(dir, 'office.js');
  if (!fs.existsSync(file)) return null;
  const m = /FileVersion:"(\d+\.\d+\.\d+\.\d+)"/.exec(fs.readFileSync(file, 'utf8'));
  return m ? m[1] : null;
}

/**
 * Whether a path (relative to the office.js folder, with '/') is copied: the loader, every Excel and Word host file
 * (office.js picks one by host, platform and version), the files those load (telemetry agent, error page, auth and
 * Aria helpers), and each language's strings. Debug copies, type definitions and other hosts' files are not.
 */
function isCopied(rel) {
  const parts = rel.split('/');
  const name = parts[parts.length - 1];
  if (/\.debug\.js$|\.d\.ts$|vsdoc/i.test(name)) return false;
  if (parts.length === 1) return /^(office|excel|excelwebapp|excelios|word|wordios|o15apptofilemappingtable|es6-promise)(-[\w.-]+)?\.js$/i.test(name);
  const top = parts[0].toLowerCase();
  if (['telemetry', 'agaveerrorux', 'ariatelemetry', 'webauth'].includes(top)) return true;
  // Language folders (zh-cn, en-us, …): only the strings office.js itself loads.
  return parts.length === 2 && /^[a-z]{2,3}(-[a-z0-9]+)*$/.test(top) && /^office_strings\.js$/i.test(name);
}

function walk(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  });
}

/** Relative paths of the files the build copies from dir. */
function filesToCopy(dir) {
  return walk(dir).filter(isCopied).sort();
}

/** What a snapshot must hold for the pane to load in Excel and Word; Chinese messages for what is missing. */
function checkSnapshot(dir) {
  const problems = [];
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [`找不到文件夹 ${dir}。`];
  const files = walk(dir);
  if (!files.includes('office.js')) problems.push(`${dir} 中没有 office.js：请选择从 CDN 下载的 lib/1/hosted 文件夹本身。`);
  else if (!officeJsBuild(dir)) problems.push(`${path.join(dir, 'office.js')} 不是微软的 office.js（读不到它的版本号）。`);
  if (!files.some((f) => /^excel-win32-[\d.]+(-core)?\.js$/i.test(f))) problems.push(`${dir} 中没有 Excel 的宿主文件（excel-win32-*.js 等）：下载时请包含整个文件夹。`);
  if (!files.some((f) => /^word-win32-[\d.]+\.js$/i.test(f))) problems.push(`${dir} 中没有 Word 的宿主文件（word-win32-*.js 等）：下载时请包含整个文件夹。`);
  if (!files.some((f) => /^zh-cn\/office_strings\.js$/i.test(f))) problems.push(`${dir} 中没有中文字符串 zh-cn/office_strings.js。`);
  return problems;
}

function copyInto(src, dest, files) {
  for (const rel of files) {
    const to = path.join(dest, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(src, rel), to);
  }
}

/** Installs the snapshot: copied to a temporary folder beside office-js/, then renamed; the old one is kept as office-js.previous/. */
function install(from, target = SNAPSHOT_DIR) {
  const problems = checkSnapshot(from);
  if (problems.length) return { ok: false, problems };
  const files = filesToCopy(from);
  const tmp = `${target}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  copyInto(from, tmp, files);
  const build = officeJsBuild(from);
  const info = { build, from: path.resolve(from), installed: new Date().toISOString(), files: files.length };
  fs.writeFileSync(path.join(tmp, 'snapshot.json'), JSON.stringify(info, null, 2) + '\n');
  const previous = `${target}.previous`;
  if (fs.existsSync(target)) {
    fs.rmSync(previous, { recursive: true, force: true });
    fs.renameSync(target, previous);
  }
  fs.renameSync(tmp, target);
  return { ok: true, info, previous: fs.existsSync(previous) ? previous : null };
}

function main(argv) {
  const i = argv.indexOf('--from');
  const from = i >= 0 ? argv[i + 1] : undefined;
  if (!from) {
    process.stderr.write(
      '用法：npm run office-js:update -- --from 文件夹\n' +
        `文件夹是在能上网的电脑上从 ${CDN_URL.replace(/office\.js$/, '')} 整体下载的 lib/1/hosted 文件夹（含 office.js、excel-*.js、word-*.js、zh-cn/ 等）。\n`,
    );
    return 2;
  }
  const r = install(path.resolve(from));
  if (!r.ok) {
    process.stderr.write(`没有安装 office.js 快照：\n${r.problems.map((p) => `  · ${p}`).join('\n')}\n`);
    return 2;
  }
  const npmBuild = officeJsBuild(NPM_DIR);
  process.stdout.write(
    `已安装 office.js ${r.info.build}（${r.info.files} 个文件）到 ${SNAPSHOT_DIR}` +
      (r.previous ? `；原来的快照保留在 ${r.previous}` : '') +
      `。\nnpm 包中的备用版本是 ${npmBuild}。重新 npm run build 后生效。\n`,
  );
  return 0;
}

module.exports = { officeJsSource, officeJsBuild, filesToCopy, isCopied, checkSnapshot, install, NPM_DIR, SNAPSHOT_DIR, CDN_URL };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
