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

  it("compresses answers of a list page's size in one piece, with their length", async () => {
    const admin = await h().as('admin');
    const url = '/api/v1/audit?limit=200';
    const plain = await admin.get(url);
    const size = Buffer.byteLength(JSON.stringify(plain.body));
    // Between the 8 KB up to which the library would compress in one call on two cores and 64 KB.
    expect(size).toBeGreaterThan(8192);
    expect(size).toBeLessThan(65536);
    const zipped = await h().app.inject({
      method: 'GET',
      url,
      headers: { cookie: admin.auth.cookie!, 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    // A streamed answer would go out in chunks, without a length.
    expect(zipped.headers['transfer-encoding']).toBeUndefined();
    expect(Number(zipped.headers['content-length'])).toBe(zipped.rawPayload.length);
    // The same page, headed by the event of the first read.
    const body = JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'));
    expect(body.items.slice(1)).toEqual(plain.body.items);
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
