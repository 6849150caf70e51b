'use strict';
const { execFile } = require('child_process');
function notify({ title = 'Notification', message = '', appId = 'node-win-notifier' } = {}) {
  const ps = `[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType = WindowsRuntime] > $null; $t = [Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent(1); $x = $t.GetElementsByTagName('text'); $x.Item(0).AppendChild($t.CreateTextNode('${title.replace(/'/g, "''")}')) > $null; $x.Item(1).AppendChild($t.CreateTextNode('${message.replace(/'/g, "''")}')) > $null; [Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier('${appId}').Show([Windows.UI.Notifications.ToastNotification]::new($t))`;
  return new Promise((res, rej) => execFile('powershell.exe', ['-NoProfile', '-Command', ps], { windowsHide: true }, e => e ? rej(e) : res()));
}
module.exports = { notify };
