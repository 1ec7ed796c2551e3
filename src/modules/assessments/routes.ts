import { z } from 'zod';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { caseRiskOut, rssIn, rssOut, vulnerabilityIn, vulnerabilityOut } from './schema.ts';
import {
  createRssAssessment,
  createVulnerabilityAssessment,
  listRssAssessments,
  listVulnerabilityAssessments,
} from './service.ts';

const caseParams = z.object({ id: z.uuid() });

/** Assessments of a case: reintegration sustainability (RSS) and vulnerability (DoMV). */
export function assessmentRoutes(app: App, deps: RouteDeps): void {
  const tags = ['assessments'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.get(
    '/cases/:id/assessments',
    {
      schema: {
        tags,
        description: 'The RSS assessments of the case with their scores and bands, oldest first (the trend).',
        params: caseParams,
        response: { 200: z.object({ items: z.array(rssOut) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listRssAssessments(ctx(req), req.params.id) }),
  );
  app.post(
    '/cases/:id/assessments',
    {
      schema: {
        tags,
        description:
          'Scores a Reintegration Sustainability Survey with the instrument it names (koldoo-rss-1) and keeps that instrument with it.',
        params: caseParams,
        body: rssIn,
        response: { 201: rssOut, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createRssAssessment(ctx(req), req.params.id, req.body)),
  );
  app.get(
    '/cases/:id/vulnerability',
    {
      schema: {
        tags,
        description:
          'The DoMV vulnerability assessments of the case, each with its suggested and chosen level.',
        params: caseParams,
        response: { 200: z.object({ items: z.array(vulnerabilityOut) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listVulnerabilityAssessments(ctx(req), req.params.id) }),
  );
  app.post(
    '/cases/:id/vulnerability',
    {
      schema: {
        tags,
        description:
          'Records DoMV factors; the suggested level is kept beside the caseworker’s, which becomes the case’s risk level.',
        params: caseParams,
        body: vulnerabilityIn,
        response: { 201: z.object({ assessment: vulnerabilityOut, case: caseRiskOut }), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createVulnerabilityAssessment(ctx(req), req.params.id, req.body)),
  );
}
