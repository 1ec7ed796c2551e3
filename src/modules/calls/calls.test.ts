import { expect, it } from 'vitest';
import type { Role } from '../../access/policy.ts';
import { type Client, describeEachEngine } from '../../../test/helpers/harness.ts';

const NOWHERE = '00000000-0000-4000-8000-000000000000';

const tamaraCall = {
  channel: 'hotline',
  callerName: 'Тамара',
  callerPhone: '+996555123456',
  callerRegion: 'KG-J',
  callerDistrict: 'KG-J-SUZAK',
  topic: 'trafficking_exploitation',
  summary: 'Came back from Russia; the factory owners took her documents, never paid her and beat her.',
  urgency: 'high',
};

const meOf = async (client: Client) =>
  (await client.get('/api/v1/auth/me')).body.user as { id: string; officeId: string };

// The file runs with a hotline number other than the default, so a hard-coded one would fail.
describeEachEngine(
  'calls',
  (h) => {
    const log = async (client: Client, body: Record<string, unknown> = {}) => {
      const res = await client.post('/api/v1/calls', { ...tamaraCall, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.call;
    };

    it('serves the configured hotline number to any signed-in user, and nobody else', async () => {
      for (const role of ['partner', 'analyst', 'hotline_operator', 'admin'] as Role[]) {
        const res = await (await h().as(role)).get('/api/v1/calls/config');
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ hotlineNumber: '0800 0000 189' });
      }
      expect((await h().anonymous.get('/api/v1/calls/config')).status).toBe(401);
    });

    it('logs a call for the operator and their office, with the defaults', async () => {
      const hotline = await h().as('hotline_operator');
      const me = await meOf(hotline);
      const before = Date.now();
      const call = await log(hotline, { urgency: undefined });
      expect(call).toMatchObject({
        operatorId: me.id,
        officeId: me.officeId,
        anonymous: false,
        urgency: 'normal',
        outcome: null,
        caseId: null,
        version: 1,
        callerPhone: '+996555123456',
        abilities: ['call:write', 'case:create'],
      });
      expect(Date.parse(call.receivedAt)).toBeGreaterThanOrEqual(before - 1000);
      const anonymous = await log(hotline, {
        anonymous: true,
        callerName: undefined,
        callerPhone: undefined,
        callerCountry: 'RU',
      });
      expect(anonymous).toMatchObject({
        anonymous: true,
        callerName: null,
        callerPhone: null,
        callerCountry: 'RU',
      });
      const fetched = await hotline.get(`/api/v1/calls/${call.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body.call.summary).toBe(tamaraCall.summary);
    });

    it('refuses bad calls with 400 naming the field', async () => {
      const hotline = await h().as('hotline_operator');
      const future = new Date(Date.now() + 3_600_000).toISOString();
      const cases: [Record<string, unknown>, string][] = [
        [{ anonymous: true }, 'callerName'],
        [{ anonymous: true, callerName: undefined }, 'callerPhone'],
        [{ callerPhone: '0555 123 456' }, 'callerPhone'],
        [{ callerRegion: 'KG-X' }, 'callerRegion'],
        [{ callerDistrict: 'KG-O-ARAVAN' }, 'callerDistrict'],
        [{ callerRegion: undefined }, 'callerDistrict'],
        [{ callerCountry: 'ru' }, 'callerCountry'],
        [{ receivedAt: future }, 'receivedAt'],
        [{ receivedAt: '2026-02-30T10:00:00Z' }, 'receivedAt'],
        [{ topic: 'weather' }, 'topic'],
        [{ channel: 'fax' }, 'channel'],
        [{ urgency: 'urgent' }, 'urgency'],
        [{ summary: '' }, 'summary'],
        [{ summary: 'x'.repeat(4001) }, 'summary'],
        [{ operatorId: NOWHERE }, ''],
      ];
      for (const [change, field] of cases) {
        const res = await hotline.post('/api/v1/calls', { ...tamaraCall, ...change });
        expect(res.status, JSON.stringify(change)).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
        if (field)
          expect(res.body.error.details.issues.map((i: { path: string[] }) => i.path.at(-1))).toContain(
            field,
          );
      }
      expect((await hotline.post('/api/v1/calls', { ...tamaraCall, summary: 'x'.repeat(4000) })).status).toBe(
        201,
      );
    });

    it('leaves the case_opened outcome to conversion (422)', async () => {
      const hotline = await h().as('hotline_operator');
      const res = await hotline.post('/api/v1/calls', { ...tamaraCall, outcome: 'case_opened' });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('outcome_needs_conversion');
      const call = await log(hotline, { outcome: 'information_given' });
      const patch = await hotline.patch(`/api/v1/calls/${call.id}`, {
        outcome: 'case_opened',
        version: call.version,
      });
      expect(patch.status).toBe(422);
    });

    it('lets hotline operators, caseworkers and supervisors log calls, and no other role (403); anonymous 401', async () => {
      for (const role of ['hotline_operator', 'caseworker', 'supervisor'] as Role[]) {
        expect((await (await h().as(role)).post('/api/v1/calls', tamaraCall)).status, role).toBe(201);
      }
      for (const role of ['admin', 'partner', 'analyst', 'auditor'] as Role[]) {
        const client = await h().as(role);
        expect((await client.post('/api/v1/calls', tamaraCall)).status, role).toBe(403);
        expect((await client.get('/api/v1/calls')).status, role).toBe(403);
      }
      expect((await h().anonymous.post('/api/v1/calls', tamaraCall)).status).toBe(401);
      expect((await h().anonymous.get('/api/v1/calls')).status).toBe(401);
      expect((await h().anonymous.get(`/api/v1/calls/${NOWHERE}`)).status).toBe(401);
    });

    it('shows each office its own calls only; a call elsewhere is 404', async () => {
      const cw = await h().as('caseworker');
      const call = await log(cw, { summary: 'Osh office call' });
      const supervisor = await h().as('supervisor');
      expect((await supervisor.get(`/api/v1/calls/${call.id}`)).status).toBe(200);
      expect(
        (await supervisor.get('/api/v1/calls?limit=200')).body.items.map((c: { id: string }) => c.id),
      ).toContain(call.id);
      const batken = await h().login('caseworker.batken');
      expect((await batken.get(`/api/v1/calls/${call.id}`)).status).toBe(404);
      expect(
        (await batken.get('/api/v1/calls?limit=200')).body.items.map((c: { id: string }) => c.id),
      ).not.toContain(call.id);
      const hotline = await h().as('hotline_operator');
      expect((await hotline.get(`/api/v1/calls/${call.id}`)).status).toBe(404);
      expect((await cw.get(`/api/v1/calls/${NOWHERE}`)).status).toBe(404);
      expect((await cw.get('/api/v1/calls/not-a-uuid')).status).toBe(400);
    });

    it('filters and pages the list, newest first', async () => {
      const supervisor = await h().as('supervisor');
      const at = (d: string) => `2025-0${d}T08:00:00+06:00`;
      const a = await log(supervisor, {
        receivedAt: at('1-10'),
        topic: 'documents',
        urgency: 'low',
        outcome: 'referred',
      });
      const b = await log(supervisor, { receivedAt: at('1-11'), topic: 'documents', urgency: 'critical' });
      const c = await log(supervisor, { receivedAt: at('1-12'), topic: 'unpaid_wages', urgency: 'critical' });
      const ids = async (q: string, range = 'from=2025-01-01&to=2025-01-31') => {
        const res = await supervisor.get(`/api/v1/calls?${range}&${q}`);
        expect(res.status, q).toBe(200);
        return res.body.items.map((i: { id: string }) => i.id);
      };
      expect(await ids('')).toEqual([c.id, b.id, a.id]);
      expect(await ids('topic=documents')).toEqual([b.id, a.id]);
      expect(await ids('urgency=critical')).toEqual([c.id, b.id]);
      expect(await ids('outcome=referred')).toEqual([a.id]);
      expect(await ids('converted=true')).toEqual([]);
      expect(await ids('converted=false')).toEqual([c.id, b.id, a.id]);
      // A date-only `to` includes its whole day; a date-time is exact.
      expect(await ids('to=2025-01-11', 'from=2025-01-01')).toEqual([b.id, a.id]);
      expect(await ids('to=2025-01-11T02:00:00Z', 'from=2025-01-11T02:00:00Z')).toEqual([b.id]);
      const first = await supervisor.get('/api/v1/calls?from=2025-01-01&to=2025-01-31&limit=2');
      expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([c.id, b.id]);
      const next = await supervisor.get(
        `/api/v1/calls?from=2025-01-01&to=2025-01-31&limit=2&cursor=${first.body.nextCursor}`,
      );
      expect(next.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
      expect(next.body.nextCursor).toBeNull();
      for (const bad of ['topic=weather', 'converted=yes', 'from=yesterday', 'cursor=nope']) {
        expect((await supervisor.get(`/api/v1/calls?${bad}`)).status, bad).toBe(400);
      }
    });

    it('lets the operator who logged a call and office supervisors correct it, versioned', async () => {
      const cw = await h().as('caseworker');
      const supervisor = await h().as('supervisor');
      const call = await log(cw);
      const changed = await cw.patch(`/api/v1/calls/${call.id}`, {
        urgency: 'critical',
        outcome: 'referred',
        version: 1,
      });
      expect(changed.status).toBe(200);
      expect(changed.body.call).toMatchObject({ urgency: 'critical', outcome: 'referred', version: 2 });
      const stale = await supervisor.patch(`/api/v1/calls/${call.id}`, {
        summary: 'Overwritten',
        version: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('version_conflict');
      expect((await cw.get(`/api/v1/calls/${call.id}`)).body.call.summary).toBe(tamaraCall.summary);
      expect(
        (await supervisor.patch(`/api/v1/calls/${call.id}`, { summary: 'Corrected', version: 2 })).body.call
          .version,
      ).toBe(3);
      // A caseworker sees but may not change a call logged by someone else in the office.
      const supervisorsCall = await log(supervisor);
      expect(supervisorsCall.abilities).toEqual(['call:write', 'case:create']);
      const seen = (await cw.get(`/api/v1/calls/${supervisorsCall.id}`)).body.call;
      expect(seen.abilities).toEqual(['case:create']);
      expect(
        (await cw.patch(`/api/v1/calls/${supervisorsCall.id}`, { urgency: 'low', version: 1 })).status,
      ).toBe(403);
      const batken = await h().login('caseworker.batken');
      expect((await batken.patch(`/api/v1/calls/${call.id}`, { urgency: 'low', version: 3 })).status).toBe(
        404,
      );
      expect((await cw.patch(`/api/v1/calls/${call.id}`, { urgency: 'low' })).status).toBe(400);
      expect((await cw.patch(`/api/v1/calls/${call.id}`, { urgency: 'low', version: 2 ** 31 })).status).toBe(
        400,
      );
    });

    it('keeps an anonymous caller anonymous after a change', async () => {
      const hotline = await h().as('hotline_operator');
      const call = await log(hotline);
      const refused = await hotline.patch(`/api/v1/calls/${call.id}`, { anonymous: true, version: 1 });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'caller_inconsistent',
        details: { fields: ['callerName', 'callerPhone'] },
      });
      const district = await hotline.patch(`/api/v1/calls/${call.id}`, { callerRegion: 'KG-O', version: 1 });
      expect(district.status).toBe(422);
      expect(district.body.error.details.fields).toEqual(['callerDistrict']);
      const moved = await hotline.patch(`/api/v1/calls/${call.id}`, {
        callerRegion: 'KG-O',
        callerDistrict: 'KG-O-ARAVAN',
        version: 1,
      });
      expect(moved.body.call).toMatchObject({
        callerRegion: 'KG-O',
        callerDistrict: 'KG-O-ARAVAN',
        version: 2,
      });
      const ok = await hotline.patch(`/api/v1/calls/${call.id}`, {
        anonymous: true,
        callerName: null,
        callerPhone: null,
        version: 2,
      });
      expect(ok.status).toBe(200);
      expect(ok.body.call).toMatchObject({
        anonymous: true,
        callerName: null,
        callerPhone: null,
        version: 3,
      });
    });

    it('converts a call into a case for any office in one step, linked both ways', async () => {
      const hotline = await h().as('hotline_operator');
      const osh = await h().officeId('Osh sub-office');
      const call = await log(hotline);
      const res = await hotline.post(`/api/v1/calls/${call.id}/convert`, {
        officeId: osh,
        type: 'trafficking_survivor',
        person: { givenName: 'Тамара', familyName: 'Осмонова', sex: 'female', estimatedAge: 29 },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['call', 'case']);
      expect(Object.keys(res.body.case).sort()).toEqual(['id', 'number']);
      expect(res.body.case.number).toMatch(/^KG-OSH-\d{4}-\d{5}$/);
      expect(res.body.call).toMatchObject({ caseId: res.body.case.id, outcome: 'case_opened', version: 2 });
      // The hotline hands the case over and cannot read it afterwards.
      expect((await hotline.get(`/api/v1/cases/${res.body.case.id}`)).status).toBe(404);
      const supervisor = await h().as('supervisor');
      const opened = (await supervisor.get(`/api/v1/cases/${res.body.case.id}`)).body.case;
      expect(opened).toMatchObject({ callId: call.id, intakeChannel: 'hotline', officeId: osh });
      expect(opened.person).toMatchObject({
        phone: '+996555123456',
        originRegion: 'KG-J',
        originDistrict: 'KG-J-SUZAK',
      });
      const timeline = (await supervisor.get(`/api/v1/cases/${res.body.case.id}/timeline`)).body.items;
      expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(['case_opened', 'call_linked']);
      expect(timeline[1].data).toMatchObject({ callId: call.id, topic: 'trafficking_exploitation' });
      expect((await hotline.get(`/api/v1/calls/${call.id}`)).body.call.caseId).toBe(res.body.case.id);
      expect(
        (await hotline.get('/api/v1/calls?converted=true')).body.items.map((c: { id: string }) => c.id),
      ).toContain(call.id);
      expect(
        (await hotline.get('/api/v1/calls?converted=false&limit=200')).body.items.map(
          (c: { id: string }) => c.id,
        ),
      ).not.toContain(call.id);
      const again = await hotline.post(`/api/v1/calls/${call.id}/convert`, {
        officeId: osh,
        type: 'trafficking_survivor',
        personId: opened.personId,
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('already_converted');
      const outcome = await hotline.patch(`/api/v1/calls/${call.id}`, { outcome: 'referred', version: 2 });
      expect(outcome.status).toBe(422);
      expect(outcome.body.error.code).toBe('call_converted');
    });

    it('keeps the person given in the body over the caller details, and audits both acts', async () => {
      const cw = await h().as('caseworker');
      const call = await log(cw);
      const res = await cw.post(`/api/v1/calls/${call.id}/convert`, {
        type: 'returnee_reintegration',
        intakeChannel: 'self_referral',
        person: {
          givenName: 'Тамара',
          familyName: 'Осмонова',
          sex: 'female',
          phone: '+996700000001',
          originRegion: 'KG-O',
        },
      });
      expect(res.status).toBe(201);
      const opened = (await cw.get(`/api/v1/cases/${res.body.case.id}`)).body.case;
      expect(opened.intakeChannel).toBe('self_referral');
      expect(opened.person).toMatchObject({
        phone: '+996700000001',
        originRegion: 'KG-O',
        originDistrict: null,
      });
      const trail = (await (await h().as('auditor')).get('/api/v1/audit?limit=20')).body.items;
      expect(trail).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'call.convert',
            entityType: 'call',
            entityId: call.id,
            outcome: 'ok',
          }),
          expect.objectContaining({
            action: 'case.create',
            entityType: 'case',
            entityId: res.body.case.id,
            outcome: 'ok',
          }),
        ]),
      );
    });

    it('refuses bad conversions and leaves the call as it was', async () => {
      const cw = await h().as('caseworker');
      const call = await log(cw);
      const person = { givenName: 'Алима', familyName: 'Садыкова', sex: 'female' };
      const url = `/api/v1/calls/${call.id}/convert`;
      expect((await cw.post(url, { type: 'family_reunification' })).status).toBe(400);
      expect((await cw.post(url, { type: 'family_reunification', person, personId: NOWHERE })).status).toBe(
        400,
      );
      expect(
        (await cw.post(url, { type: 'family_reunification', person, intakeChannel: 'fax' })).status,
      ).toBe(400);
      // Rules broken inside the transaction roll the whole conversion back.
      const badAssignee = await cw.post(url, { type: 'family_reunification', person, assignedTo: NOWHERE });
      expect(badAssignee.status).toBe(422);
      expect((await cw.post(url, { type: 'family_reunification', person, officeId: NOWHERE })).status).toBe(
        422,
      );
      // A caseworker opens cases for their own office only.
      const batkenOffice = await h().officeId('Batken');
      expect(
        (await cw.post(url, { type: 'family_reunification', person, officeId: batkenOffice })).status,
      ).toBe(403);
      expect((await cw.get(`/api/v1/calls/${call.id}`)).body.call).toMatchObject({
        caseId: null,
        outcome: null,
        version: 1,
      });
      // Out of scope: another office's caseworker, a partner; someone else's call in the office: 403.
      expect(
        (await (await h().login('caseworker.batken')).post(url, { type: 'family_reunification', person }))
          .status,
      ).toBe(404);
      expect(
        (await (await h().as('partner')).post(url, { type: 'family_reunification', person })).status,
      ).toBe(404);
      const supervisorsCall = await log(await h().as('supervisor'));
      expect(
        (
          await cw.post(`/api/v1/calls/${supervisorsCall.id}/convert`, {
            type: 'family_reunification',
            person,
          })
        ).status,
      ).toBe(403);
      expect(
        (await cw.post(`/api/v1/calls/${NOWHERE}/convert`, { type: 'family_reunification', person })).status,
      ).toBe(404);
      expect((await h().anonymous.post(url, { type: 'family_reunification', person })).status).toBe(401);
      expect((await cw.post(url, { type: 'family_reunification', person })).status).toBe(201);
    });
  },
  { hotlineNumber: '0800 0000 189' },
);
