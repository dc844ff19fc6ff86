/** The same server, another database: swaps the path of a postgres:// URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (name === '') {
    throw new Error(`The connection string ${redactPassword(url)} names no database.`);
  }
  return name;
}

/** For messages: a URL with its password replaced, safe to print in a log or an error. */
export function redactPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}
