import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.ts';
import type * as Client from '../db/client.ts';
import type { Database } from '../db/client.ts';

const opened: { database?: Database; closed: number } = { closed: 0 };

// The real database, with a migration that fails and a count of closes.
vi.mock('../db/client.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Client>();
  return {
    ...real,
    openDatabase: async (opts: Parameters<typeof real.openDatabase>[0]) => {
      const database = await real.openDatabase({ ...opts, dataDir: 'memory://' });
      const close = database.close.bind(database);
      opened.database = {
        ...database,
        migrate: () => Promise.reject(new Error('migration 0007 failed')),
        close: async () => {
          opened.closed++;
          await close();
        },
      };
      return opened.database;
    },
  };
});

const { openConfigured } = await import('./runtime.ts');

describe('openConfigured', () => {
  afterEach(() => {
    opened.closed = 0;
  });

  it('closes the database when its migration fails, and reports the failure', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    await expect(openConfigured({ ...config, databaseUrl: undefined })).rejects.toThrow(
      'migration 0007 failed',
    );
    expect(opened.closed).toBe(1);
  });
});
