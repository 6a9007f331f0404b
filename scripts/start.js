// npm start: builds and serves the task pane over HTTPS on localhost (BANLI_PORT, default 3000), then says how to
// sideload manifest.xml. Office loads add-ins only over HTTPS, so there is no HTTP fallback: the certificate is the
// Office development one (office-addin-dev-certs, in ~/.office-addin-dev-certs, or BANLI_CERT_DIR). When it is
// missing it is created where that can be done (Windows and macOS ask once to trust its authority; elsewhere the
// files are generated and the authority is left for you to trust); when it cannot be, npm start stops and prints
// the command to run.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const ROOT = path.join(__dirname, '..');
const PORT = Number(process.env.BANLI_PORT || 3000);

function certPaths() {
  const dir = process.env.BANLI_CERT_DIR || path.join(require('os').homedir(), '.office-addin-dev-certs');
  return { dir, ca: path.join(dir, 'ca.crt'), cert: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key') };
}

const INSTALL_COMMAND = 'npx office-addin-dev-certs install';

/** The certificate and key, created when possible; null (with the reason) when not. */
async function ensureCertificate(paths, { create = process.env.BANLI_CERT_CREATE !== '0' } = {}) {
  if (fs.existsSync(paths.cert) && fs.existsSync(paths.key)) return { ok: true, created: false };
  if (!create) return { ok: false, reason: '没有找到 Office 开发证书。' };
  try {
    const certs = require('office-addin-dev-certs');
    if (process.platform === 'win32' || process.platform === 'darwin') {
      // Generates the certificate and asks the system (once) to trust its authority.
      await certs.ensureCertificatesAreInstalled();
    } else {
      fs.mkdirSync(paths.dir, { recursive: true });
      await certs.generateCertificates(paths.ca, paths.cert, paths.key);
    }
  } catch (e) {
    return { ok: false, reason: `没能创建 Office 开发证书（${String((e && e.message) || e).split('\n')[0]}）。` };
  }
  return fs.existsSync(paths.cert) && fs.existsSync(paths.key) ? { ok: true, created: true } : { ok: false, reason: '没能创建 Office 开发证书。' };
}

function sideloadHelp(manifest) {
  return [
    '旁加载（sideload）清单 manifest.xml：',
    `  · Excel / Word 网页版：插入 → 加载项 → 我的加载项 → 上传我的加载项，选择 ${manifest}`,
    '  · Windows 桌面版：把 manifest.xml 放到一个共享文件夹，在“信任中心 → 受信任的加载项目录”中添加该共享文件夹并勾选“在菜单中显示”，重启后在“插入 → 我的加载项 → 共享文件夹”中添加。',
    '  · macOS 桌面版：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef（Word 为 com.microsoft.Word），重启 Excel / Word。',
    '加载后在“开始”选项卡上点“检查台账”（Excel）或“插入通报”（Word）。',
  ];
}

async function main() {
  const paths = certPaths();
  const got = await ensureCertificate(paths);
  if (!got.ok) {
    process.stderr.write(
      `${got.reason}\nOffice 只从 HTTPS 加载加载项，npm start 不提供 HTTP。请先运行：\n\n  ${INSTALL_COMMAND}\n\n` +
        `（证书放在 ${paths.dir}；也可以用 BANLI_CERT_DIR 指定放有 localhost.crt 和 localhost.key 的文件夹。）然后重新运行 npm start。\n`,
    );
    return 2;
  }
  const manifest = path.join(ROOT, 'manifest.xml');
  const lines = [
    '',
    `办理助手的任务窗格：https://localhost:${PORT}/taskpane.html（在浏览器中打开即为独立页面，可检查 .xlsx 文件）`,
    got.created
      ? `已创建 Office 开发证书（${paths.dir}）。` +
        (process.platform === 'win32' || process.platform === 'darwin' ? '' : `这台电脑上请让浏览器信任 ${paths.ca}。`)
      : '使用 Office 开发证书（HTTPS）。',
    PORT === 3000 ? '' : `注意：manifest.xml 写的是 https://localhost:3000/；端口 ${PORT} 只用于在浏览器中打开。`,
    '',
    ...sideloadHelp(manifest),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  const args = [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development', '--port', String(PORT)];
  args.push('--server-type', 'https', '--server-options-cert', paths.cert, '--server-options-key', paths.key);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));

  // Where Office desktop is present, sideload with Microsoft's tool when it is installed.
  if (process.platform === 'win32' || process.platform === 'darwin') {
    let debuggingCli = null;
    try {
      debuggingCli = require.resolve('office-addin-debugging/cli.js');
    } catch {
      process.stdout.write('（装有 office-addin-debugging 时会自动旁加载：npm i -D office-addin-debugging）\n');
    }
    if (debuggingCli) spawn(process.execPath, [debuggingCli, 'start', manifest, 'desktop', '--no-debug'], { cwd: ROOT, stdio: 'inherit' });
  }
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

module.exports = { ensureCertificate, certPaths, INSTALL_COMMAND };

if (require.main === module) main().then((code) => process.exit(code));
