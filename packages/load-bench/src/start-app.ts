import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from '@testbed/test-utils';
import { inheritedEnvironment } from './config';

const ROOT = join(__dirname, '../../..');

export const APP_NAMES = ['express-api', 'fastify-api'] as const;
export type AppName = (typeof APP_NAMES)[number];

export interface RunningApp {
  name: AppName;
  baseUrl: string;
  outboxDir: string;
  /** SIGTERM, then wait for the process to end (SIGKILL after 10 s); resolves its exit code. */
  stop: () => Promise<number | null>;
}

export interface AppOptions {
  databaseUrl: string;
  /** This app's own folder for its outbox and log, inside the run's temp folder. */
  workDir: string;
  logLevel: string | undefined;
}

function serverScript(name: AppName): string {
  const script = join(ROOT, 'apps', name, 'dist', 'server.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`pnpm build\` first.`);
  return script;
}

/**
 * Production settings, except the mail transport (outbox), where things go and the limits. Not
 * NODE_ENV=production, which refuses the outbox the bench reads verification tokens from:
 * the apps read it only to decide what their configuration accepts (Express's own use of
 * it, a view cache, is for templates, which the API has none of).
 */
function appEnvironment(port: number, outboxDir: string, options: AppOptions) {
  return {
    ...inheritedEnvironment(),
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    MAIL_TRANSPORT: 'outbox',
    MAIL_OUTBOX_DIR: outboxDir,
    ADMIN_EMAIL: 'admin@load-bench.test',
    ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    // Every user is prepared from this one address: the per-address limits would stop the
    // preparation, not the load, which never registers or signs in.
    RATE_LIMIT_REGISTER: '1000000/1h',
    RATE_LIMIT_LOGIN: '1000000/1h',
    RATE_LIMIT_VERIFY_EMAIL: '1000000/1h',
    ...(options.logLevel === undefined ? {} : { LOG_LEVEL: options.logLevel }),
  };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode);
  }
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string) {
  const tail = () => readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
  for (const deadline = Date.now() + 30_000; ;) {
    if (child.exitCode !== null) throw new Error(`the app exited at start:\n${tail()}`);
    const status = await fetch(`${baseUrl}/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`no healthy answer within 30 s:\n${tail()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stopper(child: ChildProcess) {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exitOf(child);
    clearTimeout(timer);
    return code;
  };
}

/**
 * Starts `node dist/server.js` of the app as its own process on a free loopback port, its
 * log in `workDir/app.log`, and waits until `/health` answers 200.
 */
export async function startApp(name: AppName, options: AppOptions): Promise<RunningApp> {
  const script = serverScript(name);
  const outboxDir = join(options.workDir, 'outbox');
  mkdirSync(outboxDir, { recursive: true });
  const logFile = join(options.workDir, 'app.log');
  const log = openSync(logFile, 'a');
  const port = await findFreePort();
  const child = spawn(process.execPath, [script], {
    cwd: join(ROOT, 'apps', name),
    env: appEnvironment(port, outboxDir, options),
    // Its own process group: Ctrl-C reaches the bench, which stops the load, then the app.
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const stop = stopper(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, logFile);
  } catch (error) {
    await stop();
    throw new Error(`${name} did not start: ${(error as Error).message}`, { cause: error });
  }
  return { name, baseUrl, outboxDir, stop };
}
