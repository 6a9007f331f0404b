/**
 * Task pane entry. This first version tells the user which host it runs in and what Banli can do there;
 * the Excel and Word panes (React, Fluent UI) replace the body of render().
 */
function hostName(host: string | undefined): string {
  if (host === 'Excel') return 'Excel';
  if (host === 'Word') return 'Word';
  return '浏览器（没有 Office）';
}

function render(host: string | undefined): void {
  const root = document.getElementById('root');
  if (!root) return;
  root.innerHTML = '';
  const h = document.createElement('h1');
  h.textContent = '办理助手';
  const p = document.createElement('p');
  p.textContent = `当前宿主：${hostName(host)}。命令行版本已可检查台账：npm run banli -- check 台账.xlsx`;
  root.append(h, p);
}

if (typeof Office !== 'undefined') void Office.onReady((info) => render(info.host ? String(info.host) : undefined));
else render(undefined);
