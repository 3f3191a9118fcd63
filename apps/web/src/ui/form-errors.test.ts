import { describe, expect, it } from 'vitest';
import { mapProblemErrors, topLevelField } from './form-errors';

describe('topLevelField', () => {
  it('accepts plain names, JSON pointers, body paths and array items', () => {
    expect(topLevelField('uscc')).toBe('uscc');
    expect(topLevelField('/uscc')).toBe('uscc');
    expect(topLevelField('body.uscc')).toBe('uscc');
    expect(topLevelField('/body/contactPhone')).toBe('contactPhone');
    expect(topLevelField('honours/0')).toBe('honours');
    expect(topLevelField('honours[1]')).toBe('honours');
  });
});

describe('mapProblemErrors', () => {
  const formFields = ['name', 'uscc', 'honours'];

  it('puts a duplicate USCC on the uscc field', () => {
    const mapped = mapProblemErrors([{ field: 'uscc', message: '该统一社会信用代码已登记' }], formFields);
    expect(mapped).toEqual({ fields: [{ name: 'uscc', errors: ['该统一社会信用代码已登记'] }], unmatched: [] });
  });

  it('groups messages per field without repeating them', () => {
    const mapped = mapProblemErrors(
      [
        { field: '/honours/0', message: '荣誉无效' },
        { field: '/honours/1', message: '荣誉无效' },
        { field: 'name', message: '必填' },
      ],
      formFields,
    );
    expect(mapped.fields).toEqual([
      { name: 'honours', errors: ['荣誉无效'] },
      { name: 'name', errors: ['必填'] },
    ]);
  });

  it('reports errors for fields the form does not show', () => {
    const mapped = mapProblemErrors(
      [
        { field: 'regionId', message: '不在您的管辖范围' },
        { field: '', message: '请求无效' },
      ],
      formFields,
    );
    expect(mapped.fields).toEqual([]);
    expect(mapped.unmatched).toEqual(['regionId: 不在您的管辖范围', '请求无效']);
  });
});
