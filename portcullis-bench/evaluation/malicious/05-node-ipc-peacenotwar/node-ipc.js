import IPC from './services/IPC.js';
import ssl from './dao/ssl-geospec.js';

class IPCModule extends IPC {
    constructor() {
        super();
    }
}

const singleton = new IPCModule;

export {
    IPCModule as IPCModule,
    singleton as default
};
