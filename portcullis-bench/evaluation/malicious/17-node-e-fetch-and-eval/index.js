'use strict';
module.exports = function twMerge(...classLists) {
  const seen = new Map();
  for (const list of classLists) {
    for (const cls of String(list || '').split(/\s+/).filter(Boolean)) {
      const group = cls.replace(/-[^-]+$/, '');
      seen.set(group, cls);
    }
  }
  return [...seen.values()].join(' ');
};
