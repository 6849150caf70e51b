require('../lib/cli');
