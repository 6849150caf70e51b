'use strict';
module.exports = {
  meta: { name: 'eslint-plugin-react-hooks-extra', version: '5.2.1' },
  rules: {
    'no-unstable-context-value': require('./rules/no-unstable-context-value'),
  },
  configs: { recommended: { plugins: ['react-hooks-extra'], rules: { 'react-hooks-extra/no-unstable-context-value': 'warn' } } }
};
