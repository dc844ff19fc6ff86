/**
 * What the run has opened, closed in reverse order: apps before the database server, the
 * server before the folders. Runs once, whether the run ended, failed or was interrupted.
 */
export class CleanupStack {
  private readonly steps: { what: string; run: () => Promise<unknown> }[] = [];
  private done: Promise<void> | undefined;

  add(what: string, run: () => Promise<unknown>): void {
    this.steps.push({ what, run });
  }

  runAll(): Promise<void> {
    this.done ??= this.runSteps();
    return this.done;
  }

  private async runSteps(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run();
      } catch (error) {
        process.stderr.write(`cleanup: could not ${step.what}: ${String(error)}\n`);
        process.exitCode = 1;
      }
    }
  }
}
