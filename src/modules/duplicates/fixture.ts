/** Test helpers of the duplicate-review tests. */
import { expect } from 'vitest';
import type { Client } from '../../../test/helpers/harness.ts';

/** A scan as GET /duplicates/scans/:id shows it. */
export interface ScanView extends Record<string, unknown> {
  id: string;
  status: string;
  candidates: number;
  pairsFound: number;
  pairsNew: number;
  done: number;
}

/** Starts a scan as `client` and waits until it has finished; returns the finished scan. */
export async function runScan(client: Client): Promise<ScanView> {
  const started = await client.post('/api/v1/duplicates/scan');
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const id = started.body.scan.id as string;
  for (let i = 0; i < 600; i++) {
    const res = await client.get(`/api/v1/duplicates/scans/${id}`);
    expect(res.status).toBe(200);
    if (res.body.scan.status !== 'running') return res.body.scan;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the scan did not finish');
}
