module.exports = {
  extends: ['@commitlint/config-conventional'],
  rules: {
    'type-enum': [2, 'always', ['build', 'chore', 'ci', 'docs', 'feat', 'fix', 'perf', 'refactor', 'revert', 'style', 'test']],
    'scope-case': [2, 'always', 'kebab-case'],
    'subject-max-length': [2, 'always', 100]
  }
};
