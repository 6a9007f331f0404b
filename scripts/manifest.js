// The production manifest: manifest.xml (the development one, on https://localhost:3000/) with every URL moved under
// the base URL where IT serves dist/. Used by webpack.config.js when BANLI_URL is set.
'use strict';
const fs = require('fs');
const path = require('path');

const DEV_BASE = 'https://localhost:3000/';
const DEV_MANIFEST = path.join(__dirname, '..', 'manifest.xml');

/** The base URL, checked: absolute https, not this machine, ending in '/'. Throws an Error with a Chinese message. */
function checkBase(raw) {
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    throw new Error(`BANLI_URL「${raw}」不是完整的网址：请写成 https://服务器/路径/ 的形式。`);
  }
  if (url.protocol !== 'https:') throw new Error(`BANLI_URL「${raw}」不是 https：Office 只从 HTTPS 地址加载加载项。`);
  if (/^(localhost|127\.|\[::1\])/.test(url.host)) throw new Error(`BANLI_URL「${raw}」指向本机：部署时请写其他电脑能访问的服务器地址（开发时用 npm start）。`);
  if (url.search || url.hash) throw new Error(`BANLI_URL「${raw}」不能带 ? 或 # 部分。`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

function escapeAttr(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** manifest.xml with every development URL under base. */
function productionManifest(base, xml = fs.readFileSync(DEV_MANIFEST, 'utf8')) {
  const href = checkBase(base);
  const out = xml.split(DEV_BASE).join(escapeAttr(href));
  if (/localhost/i.test(out)) throw new Error('manifest.xml 中还有 localhost 地址没有换掉：请检查 manifest.xml。');
  return out;
}

module.exports = { checkBase, productionManifest, DEV_BASE, DEV_MANIFEST };
