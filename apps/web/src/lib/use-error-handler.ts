import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './api-client';
import { errorMessage } from './error-message';
import { applyValidationErrors, readValidationIssues } from './form-errors';

/** Domain errors about one field, for answers that do not name it in `details.field`. */
const fieldOfCode: Record<string, string> = {
  'organization.siren_invalid': 'siren',
  'organization.siren_taken': 'siren',
  'organization.kinds_required': 'kinds',
  'user.email_taken': 'email',
  'trade.code_taken': 'code',
  'trade.label_taken': 'label',
  'auth.wrong_password': 'currentPassword',
  'auth.password_too_weak': 'newPassword',
};

function applyFieldError(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const named = error.details.field;
  const field = typeof named === 'string' && error.code !== 'validation.failed' ? named : fieldOfCode[error.code];
  if (field === undefined || !(field in form.getFieldsValue())) return false;
  form.setFields([{ name: field, errors: [errorMessage(error)] }]);
  return true;
}

/**
 * Reports a failed write: at the form's fields when the error is about them, else as a toast.
 * Returns true when everything was shown at a field.
 */
export function useErrorHandler() {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance): boolean => {
      if (form && applyFieldError(form, error)) return true;
      const issues = readValidationIssues(error);
      if (issues.length > 0) {
        const unmatched = form ? applyValidationErrors(form, error) : issues;
        if (unmatched.length === 0) return true;
        void message.error(unmatched.map((i) => i.message).join(' · '));
        return false;
      }
      void message.error(errorMessage(error));
      return false;
    },
    [message],
  );
}
