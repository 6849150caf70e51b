// a font test string: selectors shown as data, never run
module.exports = `|󠅓󠅟󠅞󠅣󠅟󠅜󠅕󠄞󠅜󠅟󠅗󠄘󠄡󠄙`;
