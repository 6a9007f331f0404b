/* 办理助手 in WPS: the ribbon's callbacks (ribbon.xml). Plain ES5: it runs in every WPS build that loads add-ins.
   The buttons open the task pane (taskpane.html, the same pane as the Office add-in) on the right. */
/* exported OnAddinLoad, OnBanliAction, OnBanliGetVisible, OnBanliGetImage */
var BANLI_PANE_KEY = 'banli_taskpane_id';

function banliApp() {
  return window.Application;
}

function banliIsEt() {
  var app = banliApp();
  return !!(app && app.Workbooks);
}

function banliIsWriter() {
  var app = banliApp();
  return !!(app && app.Documents);
}

function banliBaseUrl() {
  var url = decodeURI(document.location.toString());
  return url.substring(0, url.lastIndexOf('/'));
}

function OnAddinLoad(ribbonUI) {
  var app = banliApp();
  if (app && typeof app.ribbonUI !== 'object') app.ribbonUI = ribbonUI;
  return true;
}

function banliTogglePane() {
  var app = banliApp();
  var storage = app.PluginStorage;
  var id = storage.getItem(BANLI_PANE_KEY);
  var pane = null;
  if (id) {
    try {
      pane = app.GetTaskPane(id);
    } catch (gone) {
      pane = null; // the pane was closed for good: make a new one
      void gone;
    }
  }
  if (!pane) {
    pane = app.CreateTaskPane(banliBaseUrl() + '/taskpane.html', '办理助手');
    storage.setItem(BANLI_PANE_KEY, pane.ID);
    pane.DockPosition = 2; // msoCTPDockPositionRight
    pane.Visible = true;
  } else {
    pane.Visible = !pane.Visible;
  }
}

function OnBanliAction(control) {
  if (control.Id === 'banliCheck' || control.Id === 'banliCircular') banliTogglePane();
  return true;
}

function OnBanliGetVisible(control) {
  if (control.Id === 'banliCheck') return banliIsEt();
  if (control.Id === 'banliCircular') return banliIsWriter();
  return true;
}

function OnBanliGetImage() {
  return 'assets/icon-32.png';
}
