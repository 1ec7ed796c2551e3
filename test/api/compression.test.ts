import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../helpers/harness.ts';

describeEachEngine('response compression', (h) => {
  it('gzips answers of 1 KB or more for clients that accept it, and only for them', async () => {
    const sup = await h().as('supervisor');
    const url = '/api/v1/openapi.json';
    const plain = await sup.get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const cookie = sup.auth.cookie!;
    const zipped = await h().app.inject({
      method: 'GET',
      url,
      headers: { cookie, 'accept-encoding': 'gzip' },
    });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const body = gunzipSync(zipped.rawPayload);
    expect(JSON.parse(body.toString('utf8'))).toEqual(plain.body);
    expect(zipped.rawPayload.length).toBeLessThan(body.length / 3);
  });

  it('leaves small answers alone', async () => {
    const res = await h().app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
