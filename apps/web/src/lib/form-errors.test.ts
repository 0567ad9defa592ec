import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { applyValidationErrors, readValidationIssues } from './form-errors';

type FieldData = Parameters<FormInstance['setFields']>[0];

function fakeForm(fields: string[]) {
  const set: FieldData = [];
  const form: Pick<FormInstance, 'getFieldsValue' | 'setFields'> = {
    getFieldsValue: () => Object.fromEntries(fields.map((f) => [f, undefined])),
    setFields: (data) => {
      set.push(...data);
    },
  };
  return { form, set };
}

const validation = (issues: unknown[]) =>
  new ApiError({ status: 400, code: 'validation.failed', message: 'invalid', details: { issues } });

describe('readValidationIssues', () => {
  it('accepts paths given as arrays or as dotted strings', () => {
    const issues = readValidationIssues(
      validation([
        { path: ['siren'], message: 'SIREN invalide' },
        { path: 'contact.email', message: 'E-mail invalide' },
      ]),
    );
    expect(issues).toEqual([
      { path: ['siren'], message: 'SIREN invalide' },
      { path: ['contact', 'email'], message: 'E-mail invalide' },
    ]);
  });

  it('ignores errors that are not validation failures', () => {
    const error = new ApiError({ status: 409, code: 'user.email_taken', message: 'taken', details: { issues: [] } });
    expect(readValidationIssues(error)).toEqual([]);
    expect(readValidationIssues(new Error('boom'))).toEqual([]);
  });
});

describe('applyValidationErrors', () => {
  it('shows each issue at the form field it names and returns the others', () => {
    const { form, set } = fakeForm(['name', 'siren']);
    const unmatched = applyValidationErrors(
      form,
      validation([
        { path: ['siren'], message: 'SIREN invalide' },
        { path: ['body', 'name'], message: 'Trop long' },
        { path: [], message: 'Requête invalide' },
      ]),
    );
    expect(set).toEqual([
      { name: 'siren', errors: ['SIREN invalide'] },
      { name: 'name', errors: ['Trop long'] },
    ]);
    expect(unmatched).toEqual([{ path: [], message: 'Requête invalide' }]);
  });

  it('groups several messages about one field', () => {
    const { form, set } = fakeForm(['code']);
    applyValidationErrors(
      form,
      validation([
        { path: ['code'], message: 'Majuscules' },
        { path: ['code'], message: 'Trop court' },
      ]),
    );
    expect(set).toEqual([{ name: 'code', errors: ['Majuscules', 'Trop court'] }]);
  });
});
