import { connect } from 'node:net';
import { APP_HOST } from './app-process';

// Starting an app from source takes a second or two, more on a busy machine.
export const START_TIMEOUT_MS = 30_000;
// Far past what any wait in the process suites needs, and below their tests' own limits, so a
// wait that never ends fails with what it waited for rather than with Jest's "Exceeded timeout".
export const WAIT_LIMIT_MS = 3_000;
export const POLL_MS = 10;

/** Polls until the condition holds: a state the test can see, never a guess about time. */
export async function waitUntil(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`Gave up after ${WAIT_LIMIT_MS} ms waiting ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Whether a new TCP connection to the port is refused: nothing listens there any more. */
export function refusesNewConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, APP_HOST);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'ECONNREFUSED');
    });
  });
}
