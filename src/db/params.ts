import { sql } from 'drizzle-orm';

/** A list of strings as one `text[]` parameter (drizzle's template would spread an array into a list). */
export const textArray = (items: readonly string[]) => sql`${sql.param(items)}::text[]`;
