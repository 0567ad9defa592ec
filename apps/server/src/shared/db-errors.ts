interface PgErrorLike {
  code?: string;
  constraint?: string;
}

function pgError(err: unknown): PgErrorLike | null {
  let cur: unknown = err;
  // Drizzle wraps the driver's error in `cause`.
  for (let i = 0; i < 3 && cur && typeof cur === 'object'; i++) {
    const e = cur as PgErrorLike & { cause?: unknown };
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    cur = e.cause;
  }
  return null;
}

/** True when `err` is a unique violation (of `constraint`, when given). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = pgError(err);
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}

export function isSerializationFailure(err: unknown): boolean {
  const e = pgError(err);
  return e?.code === '40001' || e?.code === '40P01';
}
