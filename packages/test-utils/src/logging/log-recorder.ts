export type LogEntry = Record<string, unknown>;

/**
 * A destination for a JSON-lines logger (pino's `pino(options, recorder)`) that keeps every
 * entry, so a test can assert that an event was logged, and that no secret ever was.
 */
export class LogRecorder {
  readonly entries: LogEntry[] = [];

  write(chunk: string): void {
    for (const line of chunk.split('\n')) {
      if (line.trim() !== '') this.entries.push(JSON.parse(line) as LogEntry);
    }
  }

  /** Entries whose `event` field (our convention for domain events) is the one named. */
  events(name: string): LogEntry[] {
    return this.entries.filter((entry) => entry.event === name);
  }

  /** Everything logged, as one string: `expect(logs.text()).not.toContain(password)`. */
  text(): string {
    return JSON.stringify(this.entries);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
