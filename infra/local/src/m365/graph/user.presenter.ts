import type { DirectoryGroup, DirectoryUser } from '../directory-store';

/** The properties Graph v1.0 returns for a user when there is no `$select`. */
export const defaultUserProperties = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

/** Properties available through `$select` (Graph returns e.g. `department` only when selected). */
export const selectableUserProperties = [...defaultUserProperties, 'department', 'accountEnabled', 'userType', 'companyName'];

export function presentUser(user: DirectoryUser): Record<string, unknown> {
  return {
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: user.officeLocation,
    preferredLanguage: user.preferredLanguage,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
    department: user.department,
    accountEnabled: true,
    userType: 'Member',
    companyName: null,
  };
}

export const groupProperties = [
  'id',
  'deletedDateTime',
  'classification',
  'createdDateTime',
  'description',
  'displayName',
  'groupTypes',
  'mail',
  'mailEnabled',
  'mailNickname',
  'securityEnabled',
  'visibility',
];

export function presentGroup(group: DirectoryGroup): Record<string, unknown> {
  return {
    id: group.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: '2024-01-01T00:00:00Z',
    description: group.description,
    displayName: group.displayName,
    groupTypes: [],
    mail: null,
    mailEnabled: false,
    mailNickname: group.mailNickname,
    securityEnabled: true,
    visibility: null,
  };
}
