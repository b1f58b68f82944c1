import type { Readable } from 'node:stream';

const colours = [36, 35, 33, 32, 34, 31, 96, 95, 93];
const names = new Map<string, number>();

/** A log function that prefixes every line with a padded, coloured service name (colour only on a TTY). */
export function prefixedLog(name: string, out: NodeJS.WriteStream = process.stdout): (line: string) => void {
  if (!names.has(name)) names.set(name, colours[names.size % colours.length] ?? 37);
  const label = `[${name}]`.padEnd(13);
  const prefix = out.isTTY ? `\x1b[${names.get(name)}m${label}\x1b[0m` : label;
  return (line: string) => {
    for (const part of line.split(/\r?\n/)) if (part.trim()) out.write(`${prefix} ${part}\n`);
  };
}

/** Forwards a stream line by line to a log function. */
export function pipeLines(stream: Readable | null, log: (line: string) => void): void {
  if (!stream) return;
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split(/\r?\n/);
    buffer = lines.pop() ?? '';
    for (const line of lines) log(line);
  });
  stream.on('end', () => {
    if (buffer) log(buffer);
  });
}
