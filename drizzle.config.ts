// drizzle-kit reads the schema and writes SQL migrations into migrations/ (`npx drizzle-kit generate --name X`).
// Timestamp prefixes keep migrations dated and stop two branches from both claiming "0001".
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/db/schema.ts',
  out: './migrations',
  migrations: { prefix: 'timestamp' },
  strict: true,
  verbose: true,
});
