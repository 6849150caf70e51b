module.exports = require('puppeteer');
