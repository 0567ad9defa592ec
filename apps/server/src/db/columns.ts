import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Timestamps are always with time zone and returned as Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** PostgreSQL ltree (extension), used for the patrimoine tree paths. */
export const ltree = customType<{ data: string; driverData: string }>({
  dataType: () => 'ltree',
});
