import pg from 'pg';
import { redactPassword } from './connection-url';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server';
import { startOrphanReaper } from './orphan-reaper';
import { ensureTemplateDatabase } from './template-database';
import { assertTestDatabaseUrl } from './test-database-guard';
import {
  baseNameFor,
  dropRunDatabases,
  runPrefixes,
  type ServerHandle,
} from './test-database-server';

export interface AppSchema {
  /** Names this app's databases on a shared server: `express-api` → `…_express_api_…`. */
  appName: string;
  /** Brings an empty database to the latest schema (the app's own migrator). */
  migrate(url: string): Promise<void>;
  /** Changes exactly when the migrations change; see fingerprintFiles(). */
  fingerprint: string;
}

export interface HarnessOptions extends AppSchema {
  /**
   * More apps whose schema a test file needs beside the first: each gets a template of its
   * own, and each file a database of each (`useTestDatabase({ app })`). For a file that runs
   * two implementations side by side.
   */
  otherApps?: readonly AppSchema[];
  /** An external server to use instead of the embedded one, and the variable that named it. */
  externalServer?: { url: string; variable: string } | undefined;
}

export interface Harness {
  server: ServerHandle;
  /** Set when the harness started the server itself. */
  embedded: EmbeddedServer | undefined;
  /**
   * Drops the run's databases and stops the embedded server. Databases kept for
   * inspection survive, and so does the embedded server that holds them.
   */
  stop: () => Promise<{ kept: string[] }>;
}

/** Connecting is the check: a server that lets this URL log in is reachable. */
async function assertReachable(url: string, variable: string) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    // pg rejects with an Error, though not always one of this realm's (Jest's vm context).
    const reason = (error as Error).message;
    // Error's `cause` option needs lib ES2022, newer than many projects' tsconfig.
    throw Object.assign(
      new Error(
        `Cannot reach the test database server named by ${variable} (${redactPassword(url)}): ` +
          `${reason}. Start it, fix ${variable}, or unset it to use the embedded server.`,
      ),
      { cause: error },
    );
  }
}

async function openServer(external: HarnessOptions['externalServer']) {
  if (external) {
    assertTestDatabaseUrl(external.url, external.variable);
    await assertReachable(external.url, external.variable);
    return { adminUrl: external.url, embedded: undefined };
  }
  const embedded = await startEmbeddedServer();
  return { adminUrl: embedded.url, embedded };
}

/**
 * Once per test run: a server (embedded, or the external one named), a template database
 * migrated to the latest schema, and a watchdog that cleans up if the run is killed.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const external = options.externalServer;
  const { adminUrl, embedded } = await openServer(external);
  const baseName = baseNameFor(external?.url, options.appName);
  const prefixes = runPrefixes(baseName);
  // The embedded server watches for a killed run itself; on an external server, the run's
  // databases are what must go.
  const dismissReaper = embedded
    ? () => undefined
    : startOrphanReaper({ adminUrl, runPrefix: prefixes.runPrefix });
  try {
    const template = await ensureTemplateDatabase(adminUrl, { ...options, baseName });
    const otherTemplates: Record<string, string> = {};
    for (const other of options.otherApps ?? []) {
      const otherBase = baseNameFor(external?.url, other.appName);
      otherTemplates[other.appName] = await ensureTemplateDatabase(adminUrl, {
        ...other,
        baseName: otherBase,
      });
    }
    const cloneStrategy = embedded ? 'FILE_COPY' : undefined;
    const server: ServerHandle = { adminUrl, template, otherTemplates, cloneStrategy, ...prefixes };
    const stop = async () => {
      const kept = await dropRunDatabases(server);
      dismissReaper();
      if (kept.length === 0) await embedded?.stop();
      else embedded?.release();
      return { kept };
    };
    return { server, embedded, stop };
  } catch (error) {
    dismissReaper();
    await embedded?.stop();
    throw error;
  }
}
