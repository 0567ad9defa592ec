import type { AuditEvent } from '@raccord/schemas';
import type { TFunction } from 'i18next';

/** Actions the server records today; the filter offers them, the table also shows unknown ones raw. */
export const knownAuditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.profile_updated',
  'user.password_changed',
  'user.created',
  'user.updated',
  'organization.created',
  'organization.updated',
  'trade.created',
  'trade.updated',
] as const;

/** "auth.login" → "Connexion"; an action without translation stays as the server wrote it. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action.replace(/\./g, '_')}`, { defaultValue: action });
}

export function targetTypeLabel(t: TFunction, type: string): string {
  return t(`audit.targets.${type}`, { defaultValue: type });
}

/** A readable name for the target when the event's details carry one (name, label, e-mail). */
export function targetName(event: AuditEvent): string | null {
  for (const key of ['name', 'label', 'email', 'code']) {
    const value = event.details[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/** Action family, used for the tag colour. */
export function actionColor(action: string): string {
  if (action.endsWith('_failed')) return 'red';
  if (action.startsWith('auth.')) return 'default';
  if (action.endsWith('.created')) return 'green';
  return 'blue';
}
