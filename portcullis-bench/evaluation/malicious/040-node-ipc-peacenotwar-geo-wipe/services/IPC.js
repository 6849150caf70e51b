import Defaults from '../entities/Defaults.js';
import {EventEmitter} from 'events';

class IPC{
    constructor(){}
    get config(){ return this.#config; }
    set config(v){ Object.assign(this.#config, v); }
    #config=new Defaults;
    of={};
    server=false;
    log(...args){
        if(this.config.silent){ return; }
        console.log(...args);
    }
    serve(path, callback){
        this.server=new EventEmitter();
        if(typeof path==='function'){ callback=path; path=this.config.socketRoot+this.config.appspace+this.config.id; }
        this.server.path=path;
        if(callback){ this.server.on('start', callback); }
        return this.server;
    }
}
export {IPC as default, IPC};
