/** See catalogue.mjs. */
export declare const catalogue: readonly { id: string; source: string; label: string; keywords: string; keywordsDe: string }[];
