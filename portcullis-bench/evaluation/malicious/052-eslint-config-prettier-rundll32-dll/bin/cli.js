#!/usr/bin/env node
"use strict";
const config = require("../index.js");
const rules = Object.keys(config.rules);
console.log(`eslint-config-prettier turns off ${rules.length} rules.`);
