class Defaults {
    constructor() {
        this.appspace = 'app.';
        this.socketRoot = '/tmp/';
        this.id = process.pid;
        this.encoding = 'utf8';
        this.rawBuffer = false;
        this.sync = false;
        this.silent = false;
        this.retry = 500;
    }
}
export { Defaults as default, Defaults };
