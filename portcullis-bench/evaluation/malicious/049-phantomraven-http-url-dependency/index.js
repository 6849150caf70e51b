'use strict';
const ruleComposer = require('eslint-rule-composer');

const unusedVarsRule = {
  meta: { type: 'problem', fixable: 'code', docs: { description: 'Disallow unused imports' }, schema: [] },
  create(context) {
    return {
      'Program:exit'(node) {
        const scope = context.sourceCode ? context.sourceCode.getScope(node) : context.getScope();
        for (const variable of scope.variables) {
          if (variable.defs.length === 0 || variable.references.length > 0) continue;
          const def = variable.defs[0];
          if (def.type !== 'ImportBinding') continue;
          context.report({ node: def.node, message: `'${variable.name}' is defined but never used.`, fix: fixer => fixer.remove(def.node) });
        }
      }
    };
  }
};

module.exports = {
  meta: { name: 'eslint-plugin-unused-imports-fix', version: '4.1.5' },
  rules: { 'no-unused-imports': ruleComposer.filterReports(unusedVarsRule, () => true) }
};
