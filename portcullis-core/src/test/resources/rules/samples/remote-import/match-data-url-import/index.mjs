const mod = await import('data:text/javascript;base64,ZXhwb3J0IGRlZmF1bHQgMQ==');
export default mod;
