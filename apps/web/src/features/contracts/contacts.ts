import type { PartyContact } from '@raccord/schemas';

/** The one contact the forms ask for; every field optional. */
export interface ContactValues {
  name?: string;
  email?: string;
  phone?: string;
}

/** Form values → the API's contact list (empty when nothing is typed). */
export function toContacts(values: ContactValues | undefined): PartyContact[] {
  const contact: PartyContact = {};
  const name = values?.name?.trim();
  const email = values?.email?.trim();
  const phone = values?.phone?.trim();
  if (name) contact.name = name;
  if (email) contact.email = email;
  if (phone) contact.phone = phone;
  return Object.keys(contact).length > 0 ? [contact] : [];
}

export function fromContacts(contacts: ReadonlyArray<ContactValues>): ContactValues {
  const first = contacts[0];
  return { name: first?.name ?? '', email: first?.email ?? '', phone: first?.phone ?? '' };
}

/** Server paths of the contact fields → the form's `contact` group. */
export function contactAliases(prefix: string): Record<string, (string | number)[]> {
  return { [`${prefix}.contacts.0`]: ['contact'], [`${prefix}.contacts`]: ['contact'] };
}
