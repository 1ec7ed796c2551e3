import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { caseReportOut, caseReportQuery } from './schema.ts';
import { caseReport } from './service.ts';

/** Reports: aggregate counts for the dashboard, never a person. */
export function reportRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/reports/cases',
    {
      schema: {
        tags: ['reports'],
        description:
          'Counts of cases by region of origin, status, type or month opened, over your office’s cases (supervisors) or all offices’ (analysts, admins; optionally one office), optionally within months opened. Counts from 1 to 4 are withheld (null), with the smallest other cell when one withheld cell could be worked out from the total.',
        querystring: caseReportQuery,
        response: { 200: caseReportOut, ...errorResponses },
      },
    },
    (req) => caseReport(contextOf(req, deps.db, deps.config), req.query),
  );
}
