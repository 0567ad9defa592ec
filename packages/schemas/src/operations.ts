/** Operation logs sent by providers' connectors, and connector activation (issue 5). */

/** Error codes of operation ingestion and connector activation. */
export const operationErrorCodes = [] as const;
