"use strict";
module.exports = {
	global: require("./global"),
	optionalChaining: function (value) { return value === null || value === undefined ? undefined : value; }
};
