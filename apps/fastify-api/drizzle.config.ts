import { defineConfig } from 'drizzle-kit';

// Only `pnpm db:generate` reads this: it diffs src/db/schema.ts against the committed
// migrations and writes the next one. The app applies them with drizzle-orm's migrator.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
