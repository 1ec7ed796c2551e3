/** The one drizzle schema shared by PGlite and PostgreSQL. */
export * from './accounts.ts';
export * from './audit.ts';
