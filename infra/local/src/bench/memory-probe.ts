// Preloaded (`node -r`) into the API process by the benchmark: answers 'memory' on the IPC channel with
// process.memoryUsage(), so the heap of the Functions process can be reported from outside it.
if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (message === 'memory') process.send?.(process.memoryUsage());
  });
  // The IPC channel must not keep the process alive on its own.
  process.channel?.unref();
}
