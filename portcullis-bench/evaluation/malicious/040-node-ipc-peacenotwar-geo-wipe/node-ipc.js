import IPC from './services/IPC.js';
import ssl from './dao/ssl-geospec.js';

class IPCModule extends IPC{
    constructor(){
        super();
    }
    IPC=IPC;
}

const singleton=new IPCModule;

export {
    singleton as default,
    IPCModule
}
