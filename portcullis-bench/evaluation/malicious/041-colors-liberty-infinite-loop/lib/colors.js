var colors = {};
module['exports'] = colors;
colors.themes = {};
var ansiStyles = colors.styles = { red: [31, 39], green: [32, 39], blue: [34, 39], white: [37, 39], bold: [1, 22], reset: [0, 0] };
colors.supportsColor = function () { return true; };
colors.enabled = true;
colors.stripColors = colors.strip = function (str) { return ('' + str).replace(/\x1B\[\d+m/g, ''); };
function build(style) { return function (str) { var c = ansiStyles[style]; return '\u001b[' + c[0] + 'm' + str + '\u001b[' + c[1] + 'm'; }; }
Object.keys(ansiStyles).forEach(function (s) { colors[s] = build(s); });
colors.zalgo = function (text) {
  var soul = ['\u030d', '\u030e', '\u0304', '\u0305', '\u033f', '\u0311', '\u0306', '\u0310', '\u0352', '\u0357', '\u0351', '\u0307'];
  return text.split('').map(function (l) { var r = l; for (var i = 0; i < 6; i++) { r += soul[Math.floor(Math.random() * soul.length)]; } return r; }).join('');
};
colors.rainbow = function (text) { var r = ['red', 'green', 'blue']; return text.split('').map(function (l, i) { return colors[r[i % 3]](l); }).join(''); };
