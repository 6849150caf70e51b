module.exports = function build(src, out) {
  return require('fs').copyFileSync(src, out);
};
