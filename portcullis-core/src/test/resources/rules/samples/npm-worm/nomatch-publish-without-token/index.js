module.exports = function notes() { return 'see CHANGELOG.md'; };
