import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { ApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { readValidationIssues } from '../../lib/form-errors';
import { useErrorHandler } from '../../lib/use-error-handler';
import { staleCurrent } from './use-contract-mutations';

type NamePath = (string | number)[];

/**
 * How the server names a field (`parties.owner.reference`, `parties.owner.contacts.0`) → the name
 * of the form field that shows it (`reference`, `contact`). The longest matching prefix wins.
 */
export type FieldAliases = Record<string, NamePath>;

function toNamePath(segments: string[]): NamePath {
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The form field a server path points at, or null when the form has no such field. */
function resolveField(form: FormInstance, path: string[], aliases: FieldAliases): NamePath | null {
  const segments = path.filter((s) => s !== 'body');
  for (let end = segments.length; end > 0; end--) {
    const alias = aliases[segments.slice(0, end).join('.')];
    if (alias) return [...alias, ...toNamePath(segments.slice(end))];
  }
  const registered = new Set(Object.keys(form.getFieldsValue()));
  const start = segments.findIndex((s) => registered.has(s));
  return start === -1 ? null : toNamePath(segments.slice(start));
}

/** The message of an error, naming the contract that holds a taken reference when the server says. */
function messageOf(error: ApiError): string {
  const heldBy = error.details.heldBy;
  if (error.code === 'contract.reference_taken' && typeof heldBy === 'object' && heldBy !== null && 'label' in heldBy) {
    return i18n.t('contracts.reference.takenBy', { label: String(heldBy.label) });
  }
  return errorMessage(error);
}

/** Puts a project write's errors at the form's fields. Returns the messages no field could show. */
export function applyProjectErrors(form: FormInstance, error: unknown, aliases: FieldAliases = {}): string[] {
  if (!(error instanceof ApiError)) return [errorMessage(error)];
  const issues = readValidationIssues(error);
  if (issues.length > 0) {
    const unmatched: string[] = [];
    const fields: Array<{ name: NamePath; errors: string[] }> = [];
    for (const issue of issues) {
      const name = resolveField(form, issue.path.map(String), aliases);
      if (name) fields.push({ name, errors: [issue.message] });
      else unmatched.push(issue.message);
    }
    form.setFields(fields);
    return unmatched;
  }
  const field = error.details.field;
  if (typeof field === 'string' && field !== 'version') {
    const name = resolveField(form, field.split('.'), aliases);
    if (name) {
      form.setFields([{ name, errors: [messageOf(error)] }]);
      return [];
    }
  }
  return [messageOf(error)];
}

/**
 * Reports a failed project write: a stale version says so plainly (the current data is already
 * reloaded by the mutation); other errors go to their field, else to a toast. Returns true when the
 * error was a stale version.
 */
export function useProjectErrorHandler() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const handleError = useErrorHandler();
  return useCallback(
    (error: unknown, form?: FormInstance, aliases?: FieldAliases): boolean => {
      const current = staleCurrent(error);
      if (current) {
        modal.warning({
          title: t('contracts.stale.title'),
          content: t('contracts.stale.body', { version: current.version }),
          okText: t('contracts.stale.ok'),
        });
        return true;
      }
      if (!form) {
        handleError(error);
        return false;
      }
      const rest = applyProjectErrors(form, error, aliases);
      if (rest.length > 0) void message.error(rest.join(' · '));
      return false;
    },
    [handleError, message, modal, t],
  );
}
