var Client = require('./client');
var Server = require('./server');
require('./utils/validator').validate();
var xmlrpc = exports;
xmlrpc.createClient = function (options) { return new Client(options, false); };
xmlrpc.createSecureClient = function (options) { return new Client(options, true); };
xmlrpc.createServer = function (options, callback) { return new Server(options, false, callback); };
