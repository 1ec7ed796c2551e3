import { expect, it } from 'vitest';
import { type Client, describeEachEngine } from '../../../test/helpers/harness.ts';

const NOWHERE = '00000000-0000-4000-8000-000000000000';

const person = (
  givenName: string,
  familyName: string,
  sex: 'female' | 'male',
  estimatedAge: number,
  originRegion: string,
) => ({
  givenName,
  familyName,
  sex,
  estimatedAge,
  originRegion,
});

// The stories of DOMAIN.md, as a caseworker would record their stays abroad.
const SANOBAR_EPISODE = {
  destinationCountry: 'RU',
  departedOn: '2018-04-01',
  returnedOn: '2018-12-15',
  sector: 'agriculture',
  recruiterRelationship: 'same_village',
  recruitedHow: 'A man from the same village, for his brother’s farm',
  facts: { documentsTaken: true, wagesUnpaid: true, abusiveConditions: true, deceived: true },
};
const ASTRA_EPISODE = {
  destinationCountry: 'RU',
  destinationCity: 'Moscow',
  departedOn: '2019-02-01',
  returnedOn: '2020-03-20',
  sector: 'services',
  facts: { wagesUnpaid: true, abusiveConditions: true, excessiveHours: true },
  wagesUnpaidAmount: '45000.00',
  wagesUnpaidCurrency: 'RUB',
};
const ALIMA_EPISODE = {
  destinationCountry: 'RU',
  destinationCity: 'Moscow',
  returnedOn: '2020-03-15',
  facts: {},
};

describeEachEngine('episodes', (h) => {
  const openCase = async (client: Client, p: ReturnType<typeof person>, type = 'trafficking_survivor') => {
    const res = await client.post('/api/v1/cases', { person: p, type, intakeChannel: 'iom_office' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.case as { id: string; personId: string };
  };
  const addEpisode = async (client: Client, caseId: string, body: object) => {
    const res = await client.post(`/api/v1/cases/${caseId}/episodes`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { episode: { id: string; version: number } & Record<string, unknown>; screening: any };
  };
  const kinds = async (client: Client, caseId: string) =>
    (await client.get(`/api/v1/cases/${caseId}/timeline`)).body.items.map((e: { kind: string }) => e.kind);

  it('screens the DOMAIN.md stories: Sanobar likely, Astra possible, Alima unlikely; the list filters by likelihood', async () => {
    const cw = await h().as('caseworker');
    const sanobar = await openCase(cw, person('Санобар', 'Эргешова', 'female', 51, 'KG-O'));
    const astra = await openCase(
      cw,
      person('Астра', 'Жумабаева', 'female', 47, 'KG-J'),
      'returnee_reintegration',
    );
    const alima = await openCase(
      cw,
      person('Алима', 'Садыкова', 'female', 32, 'KG-O'),
      'family_reunification',
    );

    const s = await addEpisode(cw, sanobar.id, SANOBAR_EPISODE);
    expect(s.episode).toMatchObject({
      personId: sanobar.personId,
      caseId: sanobar.id,
      recruiterRelationship: 'same_village',
      version: 1,
    });
    // One strong (documents retained) and three medium (deception, wages withheld, abusive conditions) → likely.
    expect(s.screening.likelihood).toBe('likely');
    expect(s.screening.indicators).toEqual([
      'deception',
      'retention_of_documents',
      'withholding_of_wages',
      'abusive_conditions',
    ]);
    expect(s.screening.reasons).toEqual([
      {
        indicator: 'retention_of_documents',
        weight: 'strong',
        episodeId: s.episode.id,
        fact: 'documentsTaken',
      },
      { indicator: 'withholding_of_wages', weight: 'medium', episodeId: s.episode.id, fact: 'wagesUnpaid' },
      { indicator: 'deception', weight: 'medium', episodeId: s.episode.id, fact: 'deceived' },
      {
        indicator: 'abusive_conditions',
        weight: 'medium',
        episodeId: s.episode.id,
        fact: 'abusiveConditions',
      },
    ]);
    const sanobarCase = (await cw.get(`/api/v1/cases/${sanobar.id}`)).body.case;
    expect(sanobarCase.traffickingLikelihood).toBe('likely');
    expect(sanobarCase.screening).toMatchObject({ likelihood: 'likely', rulesVersion: 'koldoo-screening-1' });
    expect(sanobarCase.screening.reasons.map((r: { episodeId: string }) => r.episodeId)).toEqual(
      Array(4).fill(s.episode.id),
    );

    // Three medium, no strong → possible.
    const a = await addEpisode(cw, astra.id, ASTRA_EPISODE);
    expect(a.screening).toMatchObject({
      likelihood: 'possible',
      indicators: ['withholding_of_wages', 'abusive_conditions', 'excessive_overtime'],
    });
    // No indicator at all → unlikely.
    const al = await addEpisode(cw, alima.id, ALIMA_EPISODE);
    expect(al.screening).toMatchObject({ likelihood: 'unlikely', indicators: [], reasons: [] });
    expect((await cw.get(`/api/v1/cases/${alima.id}`)).body.case.traffickingLikelihood).toBe('unlikely');

    const listed = async (likelihood: string) =>
      (await cw.get(`/api/v1/cases?likelihood=${likelihood}&limit=200`)).body.items.map(
        (c: { id: string }) => c.id,
      );
    const likely = await listed('likely');
    expect(likely).toContain(sanobar.id);
    expect(likely).not.toContain(astra.id);
    expect(likely).not.toContain(alima.id);
    expect(await listed('possible')).toContain(astra.id);
    expect(await listed('unlikely')).toContain(alima.id);
    expect(await kinds(cw, sanobar.id)).toEqual(['case_opened', 'episode_added', 'screening_changed']);
    const changed = (await cw.get(`/api/v1/cases/${sanobar.id}/timeline`)).body.items.at(-1);
    expect(changed).toMatchObject({
      actorId: sanobarCase.assignedTo,
      data: { from: 'unlikely', to: 'likely', indicators: sanobarCase.screening.indicators },
    });
    expect(await kinds(cw, alima.id)).toEqual(['case_opened', 'episode_added']);
  });

  it('screens again on every change and removal, with the timeline and a version check', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw, person('Тамара', 'Осмонова', 'female', 29, 'KG-J'));
    const { episode } = await addEpisode(cw, c.id, SANOBAR_EPISODE);
    const url = `/api/v1/cases/${c.id}/episodes/${episode.id}`;
    const changed = await cw.patch(url, {
      facts: { wagesUnpaid: true, abusiveConditions: true, deceived: true },
      version: 1,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.episode).toMatchObject({
      version: 2,
      facts: { wagesUnpaid: true, abusiveConditions: true, deceived: true },
    });
    expect(changed.body.screening.likelihood).toBe('possible');
    const stale = await cw.patch(url, { facts: {}, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await cw.get(`/api/v1/cases/${c.id}`)).body.case.traffickingLikelihood).toBe('possible');
    expect((await cw.delete(url)).status).toBe(204);
    expect((await cw.get(`/api/v1/cases/${c.id}/episodes`)).body.items).toEqual([]);
    expect((await cw.get(`/api/v1/cases/${c.id}`)).body.case.traffickingLikelihood).toBe('unlikely');
    expect((await cw.delete(url)).status).toBe(404);
    expect(await kinds(cw, c.id)).toEqual([
      'case_opened',
      'episode_added',
      'screening_changed',
      'episode_updated',
      'screening_changed',
      'episode_removed',
      'screening_changed',
    ]);
  });

  it('screens a person over the episodes of all their cases, and stores it on every case', async () => {
    const cw = await h().as('caseworker');
    const first = await openCase(cw, person('Сироджиддин', 'Каримов', 'male', 30, 'KG-O'));
    const second = (
      await cw.post('/api/v1/cases', {
        personId: first.personId,
        type: 'returnee_reintegration',
        intakeChannel: 'self_referral',
      })
    ).body.case;
    await addEpisode(cw, first.id, { destinationCountry: 'RU', facts: { movementRestricted: true } });
    await addEpisode(cw, second.id, { destinationCountry: 'KZ', facts: { threats: true } });
    for (const id of [first.id, second.id]) {
      expect((await cw.get(`/api/v1/cases/${id}`)).body.case.screening).toMatchObject({
        likelihood: 'likely',
        indicators: ['restriction_of_movement', 'intimidation_threats'],
      });
      // Each episode changed the likelihood of both cases (to possible, then likely), whichever recorded it.
      expect((await kinds(cw, id)).filter((k: string) => k === 'screening_changed')).toHaveLength(2);
    }
    // Each case lists the episodes it recorded.
    expect(
      (await cw.get(`/api/v1/cases/${second.id}/episodes`)).body.items.map(
        (e: { destinationCountry: string }) => e.destinationCountry,
      ),
    ).toEqual(['KZ']);
  });

  it('lists a case’s episodes in travel order and keeps unpaid wages in minor units of their currency', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw, person('Астра', 'Жумабаева', 'female', 47, 'KG-J'));
    await addEpisode(cw, c.id, {
      destinationCountry: 'KR',
      departedOn: '2021-01-01',
      facts: { wagesUnpaid: true },
      wagesUnpaidAmount: '1500000',
      wagesUnpaidCurrency: 'KRW',
    });
    await addEpisode(cw, c.id, { ...ASTRA_EPISODE, wagesUnpaidAmount: '45000.5' });
    await addEpisode(cw, c.id, {
      destinationCountry: 'KW',
      facts: {},
      wagesUnpaidAmount: '12.5',
      wagesUnpaidCurrency: 'KWD',
    });
    const items = (await cw.get(`/api/v1/cases/${c.id}/episodes`)).body.items;
    expect(
      items.map((e: any) => [
        e.destinationCountry,
        e.wagesUnpaidMinor,
        e.wagesUnpaidAmount,
        e.wagesUnpaidCurrency,
      ]),
    ).toEqual([
      ['RU', 4500050, '45000.50', 'RUB'],
      ['KR', 1500000, '1500000', 'KRW'],
      ['KW', 12500, '12.500', 'KWD'],
    ]);
    const ru = items[0];
    const cleared = await cw.patch(`/api/v1/cases/${c.id}/episodes/${ru.id}`, {
      wagesUnpaidAmount: null,
      version: ru.version,
    });
    expect(cleared.body.episode).toMatchObject({
      wagesUnpaidMinor: null,
      wagesUnpaidAmount: null,
      wagesUnpaidCurrency: null,
    });
  });

  it('refuses bad episodes with 400 naming the field', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw, person('Тамара', 'Осмонова', 'female', 29, 'KG-J'));
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const bad: [Record<string, unknown>, string][] = [
      [{ departedOn: '2020-05-01', returnedOn: '2020-04-30' }, 'returnedOn'],
      [{ returnedOn: future }, 'returnedOn'],
      [{ departedOn: future, returnedOn: undefined }, 'departedOn'],
      [{ departedOn: '2019-02-30' }, 'departedOn'],
      [{ destinationCountry: 'Russia' }, 'destinationCountry'],
      [{ sector: 'mining' }, 'sector'],
      [{ recruiterRelationship: 'cousin' }, 'recruiterRelationship'],
      [{ facts: { passportTaken: true } }, 'facts'],
      [{ facts: { wagesUnpaid: 'yes' } }, 'wagesUnpaid'],
      [{ wagesUnpaidAmount: '-100.00' }, 'wagesUnpaidAmount'],
      [{ wagesUnpaidAmount: 45000 }, 'wagesUnpaidAmount'],
      [{ wagesUnpaidAmount: '100.123' }, 'wagesUnpaidAmount'],
      [{ wagesUnpaidCurrency: undefined }, 'wagesUnpaidCurrency'],
      [{ wagesUnpaidAmount: undefined }, 'wagesUnpaidAmount'],
      [{ wagesUnpaidCurrency: 'ABC' }, 'wagesUnpaidCurrency'],
      [{ wagesUnpaidCurrency: 'RUBLE' }, 'wagesUnpaidCurrency'],
      [{ wagesUnpaidCurrency: 'KRW', wagesUnpaidAmount: '-1' }, 'wagesUnpaidAmount'],
      [{ wagesUnpaidCurrency: 'KRW', wagesUnpaidAmount: '100.50' }, 'wagesUnpaidAmount'],
      [{ personId: NOWHERE }, ''],
    ];
    for (const [change, field] of bad) {
      const res = await cw.post(`/api/v1/cases/${c.id}/episodes`, { ...ASTRA_EPISODE, ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      if (field)
        expect(JSON.stringify(res.body.error.details.issues), JSON.stringify(change)).toContain(`"${field}"`);
    }
    expect(
      (await cw.post(`/api/v1/cases/${c.id}/episodes`, { ...ASTRA_EPISODE, departedOn: '2020-03-20' }))
        .status,
    ).toBe(201);
    // A change that puts the stored departure after the new return is refused the same way.
    const { episode } = await addEpisode(cw, c.id, { ...ALIMA_EPISODE, departedOn: '2020-01-10' });
    const res = await cw.patch(`/api/v1/cases/${c.id}/episodes/${episode.id}`, {
      returnedOn: '2020-01-09',
      version: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].path).toEqual(['body', 'returnedOn']);
    const pair = await cw.patch(`/api/v1/cases/${c.id}/episodes/${episode.id}`, {
      wagesUnpaidAmount: '10.00',
      version: 1,
    });
    expect(pair.status).toBe(400);
    expect((await cw.patch(`/api/v1/cases/${c.id}/episodes/${episode.id}`, { notes: 'x' })).status).toBe(400);
    expect(
      (await cw.patch(`/api/v1/cases/${c.id}/episodes/not-a-uuid`, { notes: 'x', version: 1 })).status,
    ).toBe(400);
  });

  it('refuses an unpaid amount when the wages were paid (422), also after a change', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw, person('Тамара', 'Осмонова', 'female', 29, 'KG-J'));
    const paid = await cw.post(`/api/v1/cases/${c.id}/episodes`, {
      ...ASTRA_EPISODE,
      facts: { wagesUnpaid: false },
    });
    expect(paid.status).toBe(422);
    expect(paid.body.error.code).toBe('wages_not_unpaid');
    const { episode } = await addEpisode(cw, c.id, ASTRA_EPISODE);
    const url = `/api/v1/cases/${c.id}/episodes/${episode.id}`;
    const contradicted = await cw.patch(url, { facts: { wagesUnpaid: false }, version: 1 });
    expect(contradicted.status).toBe(422);
    expect((await cw.get(`/api/v1/cases/${c.id}/episodes`)).body.items[0].version).toBe(1);
    const ok = await cw.patch(url, {
      facts: { wagesUnpaid: false },
      wagesUnpaidAmount: null,
      wagesUnpaidCurrency: null,
      version: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.screening.likelihood).toBe('unlikely');
  });

  it('keeps episodes to those who may see (and change) the case: others get 404, anonymous 401', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw, person('Тамара', 'Осмонова', 'female', 29, 'KG-J'));
    const { episode } = await addEpisode(cw, c.id, ASTRA_EPISODE);
    const list = `/api/v1/cases/${c.id}/episodes`;
    const one = `${list}/${episode.id}`;
    const supervisor = await h().as('supervisor');
    expect((await supervisor.get(list)).body.items).toHaveLength(1);
    const updated = await supervisor.patch(one, { notes: 'Checked with the beneficiary', version: 1 });
    expect(updated.status).toBe(200);
    for (const outsider of [
      await h().login('caseworker.batken'),
      await h().as('hotline_operator'),
      await h().as('analyst'),
      await h().as('partner'),
    ]) {
      expect((await outsider.get(list)).status).toBe(404);
      expect((await outsider.post(list, ASTRA_EPISODE)).status).toBe(404);
      expect((await outsider.patch(one, { notes: 'x', version: 2 })).status).toBe(404);
      expect((await outsider.delete(one)).status).toBe(404);
    }
    const other = await openCase(cw, person('Алима', 'Садыкова', 'female', 32, 'KG-O'));
    // An episode is reached only through the case that recorded it.
    expect(
      (await cw.patch(`/api/v1/cases/${other.id}/episodes/${episode.id}`, { notes: 'x', version: 2 })).status,
    ).toBe(404);
    expect((await cw.delete(`/api/v1/cases/${other.id}/episodes/${episode.id}`)).status).toBe(404);
    expect((await cw.get(`/api/v1/cases/${NOWHERE}/episodes`)).status).toBe(404);
    expect((await cw.post(`/api/v1/cases/${NOWHERE}/episodes`, ASTRA_EPISODE)).status).toBe(404);
    for (const [method, url] of [
      ['GET', list],
      ['POST', list],
      ['PATCH', one],
      ['DELETE', one],
    ] as const) {
      expect(
        (
          await h().anonymous.request(
            method,
            url,
            method === 'GET' || method === 'DELETE' ? undefined : { version: 1 },
          )
        ).status,
      ).toBe(401);
    }
    const trail = (await (await h().as('auditor')).get(`/api/v1/audit?entityId=${episode.id}`)).body.items;
    expect(trail.map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`)).toEqual(
      expect.arrayContaining(['episode.create:ok', 'episode.update:ok', 'episode.update:denied']),
    );
    expect(trail.find((e: { action: string }) => e.action === 'episode.create').fields).toEqual(
      expect.arrayContaining(['destinationCountry', 'facts', 'wagesUnpaidAmount']),
    );
  });
});
