// npm start: builds and serves the task pane on localhost:3000, then says how to sideload the manifest.
// HTTPS with the Office dev certificates when they are installed (office-addin-dev-certs); otherwise HTTP,
// since installing a certificate authority cannot be done here without a prompt.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const ROOT = path.join(__dirname, '..');
const PORT = Number(process.env.BANLI_PORT || 3000);
const certDir = path.join(os.homedir(), '.office-addin-dev-certs');
const cert = path.join(certDir, 'localhost.crt');
const key = path.join(certDir, 'localhost.key');
const https = fs.existsSync(cert) && fs.existsSync(key);
const scheme = https ? 'https' : 'http';

const args = [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development', '--port', String(PORT)];
if (https) args.push('--server-type', 'https', '--server-options-cert', cert, '--server-options-key', key);

const manifest = path.join(ROOT, 'manifest.xml');
const lines = [
  '',
  `办理助手的任务窗格：${scheme}://localhost:${PORT}/taskpane.html（在浏览器中打开即为独立页面，可检查 .xlsx 文件）`,
  https
    ? '已使用 Office 开发证书（HTTPS）。'
    : '注意：没有找到 Office 开发证书，使用 HTTP。Office 需要 HTTPS 才能加载加载项：在 Windows/macOS 上运行 npx office-addin-dev-certs install 后重新 npm start。',
  '',
  '旁加载（sideload）清单 manifest.xml：',
  `  · Excel / Word 网页版：插入 → 加载项 → 我的加载项 → 上传我的加载项，选择 ${manifest}`,
  '  · Windows 桌面版：把 manifest.xml 放到一个共享文件夹，在“信任中心 → 受信任的加载项目录”中添加该共享文件夹并勾选“在菜单中显示”，重启后在“插入 → 我的加载项 → 共享文件夹”中添加。',
  '  · macOS 桌面版：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef（Word 为 com.microsoft.Word），重启 Excel / Word。',
  '加载后在“开始”选项卡上点“检查台账”（Excel）或“插入通报”（Word）。',
  '',
];
process.stdout.write(lines.join('\n') + '\n');

const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

// Where Office desktop is present, sideload with Microsoft's tool when it is installed.
if ((process.platform === 'win32' || process.platform === 'darwin') && https) {
  let debuggingCli = null;
  try {
    debuggingCli = require.resolve('office-addin-debugging/cli.js');
  } catch {
    process.stdout.write('（装有 office-addin-debugging 时会自动旁加载：npm i -D office-addin-debugging）\n');
  }
  if (debuggingCli) spawn(process.execPath, [debuggingCli, 'start', manifest, 'desktop', '--no-debug'], { cwd: ROOT, stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
