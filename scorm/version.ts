/**
 * The SCORM versions the course is packaged for and talks to, named once for the adapter, the
 * packaging and the preview LMS. The preview's strict checks (preview/strict-checks.ts) keep their
 * own copy on purpose: they are the independent reading of the standard the others are tested
 * against.
 */
export type ScormVersion = '1.2' | '2004';

export const SCORM_VERSIONS: readonly ScormVersion[] = Object.freeze(['1.2', '2004']);
