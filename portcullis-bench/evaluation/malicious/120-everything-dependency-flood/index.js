module.exports = 'everything';
