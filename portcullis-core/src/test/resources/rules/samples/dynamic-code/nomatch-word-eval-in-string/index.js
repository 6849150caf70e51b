module.exports = 'we evaluate nothing: eval is only a word here';
