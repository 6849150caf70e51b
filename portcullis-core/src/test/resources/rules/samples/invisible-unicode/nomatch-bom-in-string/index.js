module.exports = (s) => (s.indexOf('﻿') === 0 ? s.slice(1) : s);
