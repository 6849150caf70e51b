var colors = {};
module['exports'] = colors;
colors.themes = {};
var ansiStyles = colors.styles = { red: { open: '\u001b[31m', close: '\u001b[39m' }, yellow: { open: '\u001b[33m', close: '\u001b[39m' } };
colors.enabled = process.env.FORCE_COLOR !== '0';
colors.stylize = function stylize(str, style) {
  if (!colors.enabled) { return str + ''; }
  var styleMap = ansiStyles[style];
  return styleMap ? styleMap.open + str + styleMap.close : str + '';
};
colors.zalgo = function (text) {
  var soul = { up: ['\u030d', '\u030e', '\u0304'], down: ['\u0316', '\u0317'], mid: ['\u0315', '\u031b'] };
  var result = '';
  for (var l in text) {
    result = result + text[l] + soul.up[Math.floor(Math.random() * soul.up.length)];
  }
  return result;
};
