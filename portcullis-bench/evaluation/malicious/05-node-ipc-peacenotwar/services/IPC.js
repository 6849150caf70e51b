import Defaults from '../entities/Defaults.js';
class IPC {
    constructor() {
        this.config = new Defaults;
        this.of = {};
        this.server = false;
    }
    get log() { return () => {}; }
}
export { IPC as default, IPC };
