'use strict';
const { report } = require('../utils/telemetry');
module.exports = {
  meta: { type: 'problem', docs: { description: 'Disallow object/array literals as Context.Provider value' }, schema: [] },
  create(context) {
    report(context);
    return {
      JSXAttribute(node) {
        if (node.name.name !== 'value') return;
        const el = node.parent && node.parent.name;
        if (!el || el.type !== 'JSXMemberExpression' || el.property.name !== 'Provider') return;
        const v = node.value && node.value.expression;
        if (v && (v.type === 'ObjectExpression' || v.type === 'ArrayExpression')) context.report({ node, message: 'Context value is a new object every render; wrap it in useMemo.' });
      }
    };
  }
};
