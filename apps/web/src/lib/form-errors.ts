import type { FormInstance } from 'antd';
import { ApiError } from './api-client';

export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

function toPath(raw: unknown): (string | number)[] {
  if (Array.isArray(raw))
    return raw.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  if (typeof raw === 'string') return raw.split('.').filter((p) => p !== '');
  return [];
}

/** Issues of a `validation.failed` error, whatever the shape of their path (array or dotted string). */
export function readValidationIssues(error: unknown): ValidationIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'validation.failed') return [];
  const issues = error.details.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    if (typeof issue !== 'object' || issue === null) return [];
    const message = 'message' in issue && typeof issue.message === 'string' ? issue.message : '';
    const path = 'path' in issue ? toPath(issue.path) : [];
    return message ? [{ path, message }] : [];
  });
}

/**
 * Shows a server validation error at the fields of an antd form.
 * An issue whose path names no field of the form (e.g. `body.siren` vs `siren`) is matched on its
 * last known segment; what still matches nothing is returned so the caller can show it elsewhere.
 */
export function applyValidationErrors(
  form: Pick<FormInstance, 'getFieldsValue' | 'setFields'>,
  error: unknown,
): ValidationIssue[] {
  const issues = readValidationIssues(error);
  if (issues.length === 0) return [];
  const registered = new Set(Object.keys(form.getFieldsValue()));
  const byField = new Map<string, string[]>();
  const unmatched: ValidationIssue[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).find((segment) => registered.has(segment));
    if (field === undefined) {
      unmatched.push(issue);
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}
