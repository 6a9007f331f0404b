/* Runs first, in ES5, so that the old Internet Explorer engine of Office 2016/2019 volume-licence hosts (which
   cannot run the pane's modern script) shows a clear message instead of a blank pane. */
(function () {
  var old = !!document.documentMode || typeof Promise === 'undefined' || typeof Symbol === 'undefined' || !Object.assign;
  if (!old) return;
  var show = function () {
    var root = document.getElementById('root');
    if (!root) return;
    root.innerHTML =
      '<div style="font-family:Microsoft YaHei,SimSun,sans-serif;padding:12px;font-size:14px;line-height:1.6">' +
      '<h1 style="font-size:18px;margin:0 0 8px">办理助手</h1>' +
      '<p>这个版本的 Office 使用旧的 Internet Explorer 浏览器内核（Office 2016/2019 批量许可版常见），办理助手的任务窗格无法在其中运行。</p>' +
      '<p>可以：① 用 Edge、Chrome 或 360 浏览器打开本页面（独立页面），打开台账文件检查并下载标注副本和通报；' +
      '② 使用命令行 banli check；③ 升级到 Office 2021 或 Microsoft 365。</p></div>';
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
  window.__banliLegacy = true;
})();
