'use strict';
// A server's accept loop lives in a function the caller starts; requiring the module returns at once.
function serve(queue, handle) {
  while (true) {
    const job = queue.take();
    handle(job);
  }
}
module.exports = { serve };
