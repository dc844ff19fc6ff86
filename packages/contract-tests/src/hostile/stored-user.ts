import type { ContractDatabase } from '../contract-database';

interface SentUser {
  name?: unknown;
  email?: unknown;
}

/**
 * A 2xx that returns a user: the fields sent come back normalised as the contract says
 * (trimmed, the email lower-cased), and the row holds exactly what the response shows.
 */
export async function expectStoredAsSent(
  db: ContractDatabase,
  sent: SentUser,
  returned: { id: string; name: string; email: string },
): Promise<void> {
  if (typeof sent.name === 'string') expect(returned.name).toBe(sent.name.trim());
  if (typeof sent.email === 'string') expect(returned.email).toBe(sent.email.trim().toLowerCase());
  const rows = await db.rows('SELECT name, email FROM users WHERE id = $1', [returned.id]);
  expect(rows).toEqual([{ name: returned.name, email: returned.email }]);
}
