module.exports = { home: 'https://example.com/' };
