/** The one drizzle schema shared by PGlite and PostgreSQL. */
export * from './accounts.ts';
export * from './assessments.ts';
export * from './audit.ts';
export * from './cases.ts';
export * from './duplicates.ts';
export * from './history.ts';
export * from './intake.ts';
export * from './maintenance.ts';
export * from './plans.ts';
export * from './services.ts';
