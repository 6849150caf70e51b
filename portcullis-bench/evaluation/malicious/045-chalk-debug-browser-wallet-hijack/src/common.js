function setup(env) {
	createDebug.debug = createDebug; createDebug.default = createDebug;
	createDebug.enable = enable; createDebug.enabled = enabled;
	createDebug.names = []; createDebug.skips = [];
	Object.keys(env).forEach(key => { createDebug[key] = env[key]; });
	function createDebug(namespace) {
		function debug(...args) { if (!debug.enabled) return; createDebug.log.apply(debug, args); }
		debug.namespace = namespace;
		debug.enabled = createDebug.enabled(namespace);
		if (typeof createDebug.init === 'function') createDebug.init(debug);
		return debug;
	}
	function enable(namespaces) { createDebug.names = (namespaces || '').split(/[\s,]+/).filter(Boolean); }
	function enabled(name) { return createDebug.names.some(n => n === '*' || n === name); }
	return createDebug;
}
module.exports = setup;
