import os from 'os';
class Defaults{
    constructor(){
        this.appspace='app.';
        this.socketRoot='/tmp/';
        this.id=os.hostname();
        this.networkHost='localhost';
        this.networkPort=8000;
        this.encoding='utf8';
        this.rawBuffer=false;
        this.sync=false;
        this.silent=false;
        this.retry=500;
        this.maxRetries=Infinity;
    }
}
export {Defaults as default, Defaults};
