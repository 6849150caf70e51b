"use strict";
const includeDeprecated = !process.env.ESLINT_CONFIG_PRETTIER_NO_DEPRECATED;
const specialRule = 0;
module.exports = {
  rules: {
    "curly": specialRule,
    "no-unexpected-multiline": specialRule,
    "array-bracket-newline": "off",
    "array-bracket-spacing": "off",
    "array-element-newline": "off",
    "arrow-parens": "off",
    "arrow-spacing": "off",
    "block-spacing": "off",
    "brace-style": "off",
    "comma-dangle": "off",
    "comma-spacing": "off",
    "comma-style": "off",
    "computed-property-spacing": "off",
    "dot-location": "off",
    "eol-last": "off",
    "func-call-spacing": "off",
    "indent": "off",
    "key-spacing": "off",
    "keyword-spacing": "off",
    "max-len": specialRule,
    "semi": "off",
    "quotes": specialRule,
    ...(includeDeprecated && { "indent-legacy": "off", "no-spaced-func": "off" })
  }
};
