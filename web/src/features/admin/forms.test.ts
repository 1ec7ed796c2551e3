import { describe, expect, it } from 'vitest';
import type { CatalogueItem, Service } from './api.ts';
import * as catalogue from './catalogueForm.ts';
import * as service from './serviceForm.ts';

const stored: Service = {
  id: 's1',
  organisationId: 'o1',
  organisationName: 'Adilet legal clinic',
  kind: 'legal_aid',
  name: 'Legal aid',
  description: null,
  regionCodes: ['KG-J'],
  phone: '+996555123456',
  email: null,
  address: 'Jalal-Abad',
  active: true,
  version: 4,
};

describe('service form helpers', () => {
  it('writes phone numbers in E.164 whatever the spacing', () => {
    expect(service.normalisePhone('+996 (555) 12-34-56')).toBe('+996555123456');
    expect(service.normalisePhone('00996 555 123456')).toBe('+996555123456');
  });

  it('checks what the server checks', () => {
    expect(service.validateService(service.EMPTY_SERVICE)).toEqual({
      organisationId: 'admin.services.organisationRequired',
      name: 'admin.services.nameTooShort',
    });
    expect(
      service.validateService({
        ...service.serviceToForm(stored),
        phone: '0555 12 34 56',
        email: 'help@',
        name: 'x'.repeat(161),
      }),
    ).toEqual({
      name: 'admin.services.nameTooLong',
      phone: 'admin.services.phoneInvalid',
      email: 'admin.services.emailInvalid',
    });
    expect(service.validateService(service.serviceToForm(stored))).toEqual({});
  });

  it('leaves empty text out of a new service and clears it on an edit', () => {
    const values = { ...service.serviceToForm(stored), address: '  ', phone: '+996 555 123 456' };
    expect(service.formToCreate(values)).toEqual({
      organisationId: 'o1',
      kind: 'legal_aid',
      name: 'Legal aid',
      description: undefined,
      regionCodes: ['KG-J'],
      phone: '+996555123456',
      email: undefined,
      address: undefined,
      active: true,
    });
    expect(service.formToUpdate(values, 4)).toMatchObject({
      address: null,
      description: null,
      email: null,
      phone: '+996555123456',
      version: 4,
    });
  });
});

describe('catalogue form helpers', () => {
  const item: CatalogueItem = {
    code: 'sewing_equipment',
    names: { en: 'Sewing equipment', ru: 'Швейное оборудование', ky: 'Тигүү жабдуулары' },
    unit: 'item',
    defaultUnitCost: { tyiyn: 1950000, kgs: '19500.00' },
    active: true,
    version: 2,
    updatedAt: '2026-03-01T00:00:00Z',
  };

  it('edits the cost in the user’s number format and sends it canonical', () => {
    const values = catalogue.itemToForm(item, 'ru');
    expect(values.defaultUnitCost).toBe('19500,00');
    expect(catalogue.formToUpdate({ ...values, defaultUnitCost: '21 000,5' }, 'ru', 2)).toEqual({
      names: item.names,
      unit: 'item',
      defaultUnitCost: '21000.50',
      active: true,
      version: 2,
    });
    expect(catalogue.formToUpdate({ ...values, defaultUnitCost: '' }, 'ru', 2).defaultUnitCost).toBeNull();
  });

  it('checks codes only when creating, and every language name', () => {
    const bad = {
      ...catalogue.EMPTY_ITEM,
      code: 'Sewing kit',
      nameEn: 'Sewing kit',
      defaultUnitCost: '12.345',
    };
    expect(catalogue.validateItem(bad, 'en', true)).toEqual({
      code: 'admin.catalogue.codeInvalid',
      nameRu: 'admin.catalogue.nameRequired',
      nameKy: 'admin.catalogue.nameRequired',
      unit: 'admin.catalogue.unitRequired',
      defaultUnitCost: 'admin.catalogue.costInvalid',
    });
    expect(catalogue.validateItem({ ...bad, code: 'ceilings' }, 'en', true).code).toBe(
      'admin.catalogue.codeReserved',
    );
    expect(catalogue.validateItem(catalogue.itemToForm(item, 'en'), 'en', false)).toEqual({});
  });

  it('suggests a snake_case code from the English name', () => {
    expect(catalogue.suggestCode('Sewing kit (3 machines)')).toBe('sewing_kit_3_machines');
    expect(catalogue.suggestCode('  2 Beehives!')).toBe('beehives');
    expect(catalogue.suggestCode('Café')).toBe('cafe');
  });

  it('leaves an empty cost out of a new item', () => {
    const values = { ...catalogue.itemToForm(item, 'en'), code: 'beehives', defaultUnitCost: '' };
    expect(catalogue.formToCreate(values, 'en')).toEqual({
      code: 'beehives',
      names: item.names,
      unit: 'item',
    });
  });
});
