const { default: lib } = await import('lodash');
export default lib;
