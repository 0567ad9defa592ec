/** Service codes (codes de prestation): catalogues and their alignment per contract (issue 6). */

/** Error codes of service-code catalogues and alignment. */
export const serviceCodeErrorCodes = [] as const;
