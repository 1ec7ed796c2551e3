import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { workOut } from './schema.ts';
import { myWork } from './service.ts';

/** The signed-in user's worklist: the first screen after sign-in. */
export function workRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/me/work',
    {
      schema: {
        tags: ['work'],
        description:
          'What needs you today: your open cases, follow-ups due and overdue, approvals waiting, the office’s overdue follow-ups, calls, referrals to answer — by role.',
        response: { 200: workOut, ...errorResponses },
      },
    },
    (req) => myWork(contextOf(req, deps.db, deps.config)),
  );
}
