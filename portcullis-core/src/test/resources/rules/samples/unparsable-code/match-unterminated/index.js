module.exports = function () {
  return 'unterminated;
