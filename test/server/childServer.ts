import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>;
  output: () => string;
}

/**
 * Starts `server/main.ts` in its own Node process, as `npm run server` does, and waits for its URL.
 * `nodeArgs` go to Node itself (a benchmark's `--cpu-prof`, say).
 */
export function startChildServer(args: string[], startTimeoutMs = 30_000, nodeArgs: readonly string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts', '--port', '0', '--quiet', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => {
    child.on('exit', (code, signal) => { resolve(signal ?? code); });
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`server did not start:\n${output}`)); }, startTimeoutMs);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], process: child, exited, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(how)}) before listening:\n${output}`));
    });
  });
}
