import type { App, RouteDeps } from '../http/types.ts';
import { auditRoutes } from './audit/routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { personRoutes } from './persons/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { officeRoutes } from './offices/routes.ts';
import { referenceRoutes } from './reference/routes.ts';
import { userRoutes } from './users/routes.ts';

/** Every capability's routes, mounted under /api/v1. */
export function registerRoutes(app: App, deps: RouteDeps): void {
  authRoutes(app, deps);
  userRoutes(app, deps);
  officeRoutes(app, deps);
  auditRoutes(app, deps);
  personRoutes(app, deps);
  caseRoutes(app, deps);
  referenceRoutes(app);
}
