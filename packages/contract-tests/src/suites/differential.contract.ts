import { Agent } from 'node:http';
import { createDatabaseReset, useTestDatabase, type DatabaseReset } from '@testbed/test-utils';
import { checkSequences, type Pair } from '../differential/check-sequences';
import { loadDifferentialConfig } from '../differential/config';
import type { DrivenApp } from '../differential/drive';
import type { ContractTarget, RunningApp } from '../target';
import { START } from '../use-contract-app';

/**
 * Two implementations of the contract, each on its own database, sent the same generated
 * request sequences; every answer compared (docs/hardening/differential.md). `left`'s schema
 * is the file's own database, `right`'s the harness's other app of that name.
 */
export function describeDifferentialContract(left: ContractTarget, right: ContractTarget) {
  describe(`${left.name} and ${right.name} · differential`, () => {
    const databases = [useTestDatabase(), useTestDatabase({ app: right.name })];
    const running: RunningApp[] = [];
    const resets: DatabaseReset[] = [];
    const apps: DrivenApp[] = [];
    const { runs } = loadDifferentialConfig();

    beforeAll(async () => {
      for (const [index, target] of [left, right].entries()) {
        const url = databases[index]?.url ?? '';
        const app = await target.start(url);
        running.push(app);
        resets.push(await createDatabaseReset(url));
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        apps.push({ name: target.name, app, agent, ids: new Map(), tokens: new Map() });
      }
    });

    afterAll(async () => {
      for (const driven of apps) driven.agent.destroy();
      await Promise.all(resets.map((reset) => reset.close()));
      await Promise.all(running.map((app) => app.close()));
    });

    const pair = (): Pair => ({
      apps: [apps[0], apps[1]] as [DrivenApp, DrivenApp],
      prepare: async () => {
        await Promise.all(resets.map((reset) => reset.reset()));
        for (const driven of apps) {
          driven.app.mailer.clear();
          driven.app.clock.set(START);
          driven.ids.clear();
          driven.tokens.clear();
        }
      },
    });

    it(
      'answers every generated request sequence with the same status, headers and body',
      async () => {
        const counts = await checkSequences(pair());

        expect(counts.requests).toBeGreaterThan(0);
      },
      10_000 + runs * 1_000,
    );
  });
}
