'use strict';
const fs = require('fs'), path = require('path');
function patchPodfile(iosDir) {
  const f = path.join(iosDir, 'Podfile');
  let s = fs.readFileSync(f, 'utf8');
  if (!s.includes('IPHONEOS_DEPLOYMENT_TARGET')) s = s.replace(/post_install do \|installer\|/, "post_install do |installer|\n    installer.pods_project.targets.each { |t| t.build_configurations.each { |c| c.build_settings['IPHONEOS_DEPLOYMENT_TARGET'] = '13.4' } }");
  fs.writeFileSync(f, s);
}
module.exports = { patchPodfile };
