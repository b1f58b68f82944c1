/**
 * Confidentiality levels (vertrouwelijkheidaanduiding), ordered from low to high as in the ZGW
 * standard; see DUTCH-RULES.md §4. The order matters: access checks compare positions.
 */
export const confidentialityLevels = [
  'openbaar',
  'beperkt_openbaar',
  'intern',
  'zaakvertrouwelijk',
  'vertrouwelijk',
  'confidentieel',
  'geheim',
  'zeer_geheim',
] as const;
export type Confidentiality = (typeof confidentialityLevels)[number];
