import type { App, RouteDeps } from '../http/types.ts';
import { auditRoutes } from './audit/routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { catalogueRoutes } from './catalogue/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { callRoutes } from './calls/routes.ts';
import { episodeRoutes } from './episodes/routes.ts';
import { assessmentRoutes } from './assessments/routes.ts';
import { personRoutes } from './persons/routes.ts';
import { duplicateRoutes } from './duplicates/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { officeRoutes } from './offices/routes.ts';
import { referenceRoutes } from './reference/routes.ts';
import { userRoutes } from './users/routes.ts';
import { serviceRoutes } from './services/routes.ts';
import { referralRoutes } from './referrals/routes.ts';
import { followupRoutes } from './followups/routes.ts';
import { workRoutes } from './work/routes.ts';
import { reportRoutes } from './reports/routes.ts';

/** Every capability's routes, mounted under /api/v1. */
export function registerRoutes(app: App, deps: RouteDeps): void {
  authRoutes(app, deps);
  userRoutes(app, deps);
  officeRoutes(app, deps);
  auditRoutes(app, deps);
  personRoutes(app, deps);
  duplicateRoutes(app, deps);
  caseRoutes(app, deps);
  catalogueRoutes(app, deps);
  planRoutes(app, deps);
  callRoutes(app, deps);
  episodeRoutes(app, deps);
  assessmentRoutes(app, deps);
  serviceRoutes(app, deps);
  referralRoutes(app, deps);
  followupRoutes(app, deps);
  workRoutes(app, deps);
  reportRoutes(app, deps);
  referenceRoutes(app);
}
