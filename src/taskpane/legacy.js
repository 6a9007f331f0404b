/* Runs first, in ES5, so that an engine which cannot run the pane's script shows a clear message instead of a blank
   pane. Two checks, neither by user agent alone:
   1. before the bundle: Internet Explorer (Office 2016/2019 volume-licence hosts), or a built-in the bundle needs and
      does not polyfill is missing;
   2. after the page has loaded: the bundle did not start (window.__banliBooted unset) — a SyntaxError or an error
      while its modules were set up, on any engine older than the build targets (EdgeHTML 18, Safari 14, Chromium 80).
   3. opened from disk (file:): the task pane belongs in Office (which loads it over https); a clerk who double-clicked
      taskpane.html is sent to banli.html, the page made for opening from disk, instead of waiting on office.js.
   window.__banliLegacy tells the bundle not to render over the message. */
(function () {
  var w = window;
  var reason = null;

  function missingFeature() {
    if (document.documentMode) return 'ie';
    var needed = [
      typeof Promise !== 'undefined' && typeof Promise.prototype['finally'] === 'function',
      typeof Symbol !== 'undefined' && typeof Symbol.iterator !== 'undefined',
      typeof Map !== 'undefined' && typeof Set !== 'undefined' && typeof WeakMap !== 'undefined',
      typeof Proxy !== 'undefined' && typeof Reflect !== 'undefined',
      typeof Object.assign === 'function' && typeof Object.entries === 'function',
      typeof fetch === 'function' && typeof Blob !== 'undefined' && typeof FileReader !== 'undefined',
      typeof Intl !== 'undefined' && typeof Intl.DateTimeFormat === 'function',
      typeof MutationObserver !== 'undefined'
    ];
    for (var i = 0; i < needed.length; i++) if (!needed[i]) return 'feature';
    return null;
  }

  function show() {
    var root = document.getElementById('root');
    if (!root) return;
    if (reason === 'file') {
      root.innerHTML =
        '<div role="alert" style="font-family:Microsoft YaHei,SimSun,sans-serif;padding:12px;font-size:14px;line-height:1.6">' +
        '<h1 style="font-size:18px;margin:0 0 8px">办理助手</h1>' +
        '<p>这个文件（taskpane.html）是 Excel、Word 加载项的任务窗格，要在 Office 中使用，不能直接在浏览器中打开。</p>' +
        '<p>在浏览器中使用办理助手，请打开同一文件夹中的 <a href="banli.html">banli.html</a>（双击即可，不需要联网，也不需要安装）。' +
        '使用说明见 <a href="help.html">help.html</a>。</p></div>';
      return;
    }
    var engine =
      reason === 'ie'
        ? '这个版本的 Office 使用旧的 Internet Explorer 浏览器内核（Office 2016/2019 批量许可版常见），'
        : '这个版本的 Office（或浏览器）内核太旧，';
    root.innerHTML =
      '<div role="alert" style="font-family:Microsoft YaHei,SimSun,sans-serif;padding:12px;font-size:14px;line-height:1.6">' +
      '<h1 style="font-size:18px;margin:0 0 8px">办理助手</h1>' +
      '<p>' + engine + '办理助手的任务窗格无法在其中运行，请更新。</p>' +
      '<p>可以：① 用 Edge、Chrome 或 360 浏览器打开本页面（独立页面），打开台账文件检查并下载标注副本和通报；' +
      '② 使用命令行 banli check；③ 更新 Office（Windows 上安装 WebView2 运行时），或升级到 Office 2021 或 Microsoft 365。</p></div>';
  }

  function giveUp(why) {
    if (w.__banliLegacy) return;
    reason = why;
    w.__banliLegacy = true;
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
  }

  if (location.protocol === 'file:') {
    giveUp('file');
    return;
  }
  var missing = missingFeature();
  if (missing) {
    giveUp(missing);
    return;
  }
  // The bundle sets window.__banliBooted on its first line; if it never ran, say so once everything has loaded.
  w.addEventListener('load', function () {
    if (!w.__banliBooted) giveUp('boot');
  });
})();
