const { default: lib } = await import('https://cdn.example/lib@1.0.0/index.js');
export default lib;
