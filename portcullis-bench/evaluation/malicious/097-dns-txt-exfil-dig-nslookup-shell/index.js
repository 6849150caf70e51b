module.exports = { color: { primary: '#0b5cff', danger: '#d92d20' }, space: [0, 4, 8, 12, 16, 24, 32], radius: { sm: 4, md: 8, lg: 16 } };
