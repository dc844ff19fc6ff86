import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ContractTarget } from './target';

/** The address the app is told to bind, and the one the suite connects to. */
export const APP_HOST = '127.0.0.1';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The target app running as its own process, as `pnpm start` runs it. */
export interface AppProcess {
  /** Resolves once the app logs that it listens: where to send requests. */
  listening(): Promise<{ baseUrl: string; port: number }>;
  signal(signal: NodeJS.Signals): void;
  /**
   * To the process and every process in its group, as a terminal's Ctrl-C does to the
   * foreground job. Only for a process launched with `ownProcessGroup`.
   */
  signalGroup(signal: NodeJS.Signals): void;
  /** Every JSON log line so far, in order. */
  lines(): Record<string, unknown>[];
  /**
   * Resolves at the first JSON log line, already written or to come, with this `msg`; with a
   * limit, rejects after it, listing the messages the app did log.
   */
  logged(message: string, limitMs?: number): Promise<void>;
  /** What the process has written to stderr so far: where a failed start says why. */
  stderr(): string;
  /** Resolves once the process has exited and its output has been read to the end. */
  exited: Promise<Exit>;
  /** Kills the process if it still runs and waits for it: a failed test leaves nothing behind. */
  stop(): Promise<void>;
}

type LogLine = Record<string, unknown>;

/**
 * Only what the app needs, so the developer's shell (a DATABASE_URL, a LOG_LEVEL) cannot
 * change what the test sees. The statement timeout is long so that a slow machine cannot turn
 * the lock a test holds into a 503.
 */
export function appEnvironment(databaseUrl: string, outboxDir: string): NodeJS.ProcessEnv {
  // eslint-disable-next-line no-restricted-properties -- the two variables a process needs to run, and the mutant's
  const { PATH, HOME, __STRYKER_ACTIVE_MUTANT__ } = process.env;
  return {
    PATH,
    HOME,
    // Set only under `pnpm test:mutation`: the app's own process runs the mutant switched on in
    // this one, so what only these suites check (shutdown, keep-alive) can kill it too.
    ...(__STRYKER_ACTIVE_MUTANT__ === undefined ? {} : { __STRYKER_ACTIVE_MUTANT__ }),
    DATABASE_URL: databaseUrl,
    DATABASE_STATEMENT_TIMEOUT_MS: '60000',
    PORT: '0',
    HOST: APP_HOST,
    NODE_ENV: 'test',
    // Made per run: a constant here would be one more published secret, which the apps refuse.
    JWT_SECRET: randomBytes(32).toString('base64url'),
    ARGON2_MEMORY_COST: '8',
    ARGON2_TIME_COST: '1',
    MAIL_TRANSPORT: 'outbox',
    MAIL_OUTBOX_DIR: outboxDir,
    LOG_LEVEL: 'info',
    // The suites read the logs as JSON lines, whatever the terminal the tests run in.
    LOG_FORMAT: 'json',
  };
}

function parseLine(text: string): LogLine | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as LogLine) : undefined;
  } catch {
    return undefined;
  }
}

/** Express logs `{ url }`; Fastify logs `fastify-api listening on http://…` as its `msg`. */
function listeningUrl(line: LogLine): string | undefined {
  if (typeof line.url === 'string') return line.url;
  const message = typeof line.msg === 'string' ? line.msg : '';
  return /listening on (http:\/\/\S+)/.exec(message)?.[1];
}

/**
 * Starts the app from source with this environment. The handle comes back at once, so a test
 * can kill the process even when it never gets as far as listening.
 */
export function launchAppProcess(
  target: ContractTarget,
  env: NodeJS.ProcessEnv,
  { ownProcessGroup = false } = {},
): AppProcess {
  const { cwd, args } = target.process;
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own, as a shell gives each job: a signal to the group reaches the app and
    // whatever it started in it, and never Jest.
    detached: ownProcessGroup,
  });
  const lines: LogLine[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = parseLine(text);
    if (line) lines.push(line);
    for (const wake of waiters) wake();
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('close', (code, signal) => {
      resolve({ code, signal });
    });
    // A process that could not start at all (a wrong cwd) has no exit code to give.
    child.once('error', (error) => {
      stderr += String(error);
      resolve({ code: null, signal: null });
    });
  });
  let running = true;
  void exited.then(() => {
    running = false;
    for (const wake of waiters) wake();
  });

  const waitForLine = (what: string, matches: (line: LogLine) => boolean, limitMs?: number) =>
    new Promise<LogLine>((resolve, reject) => {
      const timer =
        limitMs === undefined
          ? undefined
          : setTimeout(() => {
              waiters.delete(wake);
              const seen = lines.map((line) => JSON.stringify(line.msg)).join(', ');
              reject(
                new Error(
                  `${target.name} did not log ${what} within ${limitMs} ms; it logged ${seen}`,
                ),
              );
            }, limitMs);
      function wake() {
        const found = lines.find(matches);
        if (!found && running) return;
        waiters.delete(wake);
        clearTimeout(timer);
        if (found) resolve(found);
        else
          reject(new Error(`${target.name} exited before it logged ${what}. stderr:\n${stderr}`));
      }
      waiters.add(wake);
      wake();
    });

  return {
    listening: async () => {
      const line = await waitForLine('its URL', (found) => listeningUrl(found) !== undefined);
      const port = Number(new URL(listeningUrl(line) ?? '').port);
      // Express names localhost in its URL; the suite connects to the address the app bound.
      return { baseUrl: `http://${APP_HOST}:${port}`, port };
    },
    signal: (signal) => child.kill(signal),
    signalGroup: (signal) => {
      if (!ownProcessGroup || child.pid === undefined)
        throw new Error('signalGroup needs a process launched with ownProcessGroup');
      process.kill(-child.pid, signal);
    },
    lines: () => [...lines],
    logged: async (message, limitMs) => {
      await waitForLine(`"${message}"`, (line) => line.msg === message, limitMs);
    },
    stderr: () => stderr,
    exited,
    stop: async () => {
      if (running) child.kill('SIGKILL');
      await exited;
    },
  };
}
