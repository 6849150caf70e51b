module.exports = /[\u200b\u200c\u200d\ufeff]/g;
