#!/usr/bin/env node
// Runs a command with the local CA trusted (NODE_EXTRA_CA_CERTS), generating the CA on first use.
// Node reads NODE_EXTRA_CA_CERTS only at start-up, hence a wrapper rather than code in each process.
'use strict';
const { spawn } = require('node:child_process');
const { ensureLocalCertificates } = require('../dist/src/certs.js');
const { localDir } = require('../dist/src/local-dir.js');

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: with-local-env.js <command> [args...]');
    process.exit(2);
  }
  const certs = await ensureLocalCertificates(localDir());
  const child = spawn(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: certs.caPath },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
