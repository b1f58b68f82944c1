/**
 * The demo tenant served by the local Microsoft 365: fixed ids so that seeds, tests and the
 * app package agree across restarts. Local development only; never used in Azure.
 */
export const demoTenant = {
  tenantId: '5f1c2a7e-3b8d-4c6f-9e21-0a4b7d9c8e31',
  domain: 'zaakwerk.test',
  password: 'dev',
  /** The one Entra app registration of Zaakwerk: SPA (tab, add-in) + exposed API + confidential client for OBO. */
  apiApp: {
    clientId: '3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57',
    appIdUri: 'api://localhost/3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57',
    scope: 'access_as_user',
    clientSecret: 'local-dev-api-secret',
    displayName: 'Zaakwerk',
    /** Object id of the app's service principal (the `oid` of its app-only tokens). */
    servicePrincipalId: 'c0000001-7e2b-4a58-b0c4-6f1e8d2a9b57',
    /** Delegated Graph permissions consented for the app (what OBO `.default` yields). */
    graphDelegatedPermissions: [
      'User.Read',
      'User.ReadBasic.All',
      'GroupMember.Read.All',
      'Files.ReadWrite.All',
      'Sites.ReadWrite.All',
      'Mail.Send',
    ],
    /** Graph application permissions granted (the `roles` of its app-only Graph tokens). */
    graphAppPermissions: [
      'User.Read.All',
      'Group.Read.All',
      'GroupMember.Read.All',
      'Application.Read.All',
      'Files.ReadWrite.All',
      'Sites.ReadWrite.All',
    ],
  },
  /** The bot's own app registration (client credentials to call the API). */
  botApp: {
    clientId: '9b2e4f6a-1c3d-4e5f-8a7b-2c9d0e1f3a46',
    clientSecret: 'local-dev-bot-secret',
    displayName: 'Zaakwerk bot',
    servicePrincipalId: 'c0000002-1c3d-4e5f-8a7b-2c9d0e1f3a46',
    /** App roles of the API app granted to the bot (the `roles` of its app-only API tokens). */
    apiAppRoles: ['Zaakwerk.Bot.ActAsUser'],
    graphAppPermissions: ['User.Read.All', 'Group.Read.All', 'Files.ReadWrite.All', 'Sites.ReadWrite.All'],
  },
  appRoles: {
    admin: 'Zaakwerk.Admin',
    coordinator: 'Zaakwerk.Coordinator',
    recordsManager: 'Zaakwerk.RecordsManager',
    contactCentre: 'Zaakwerk.ContactCentre',
    auditor: 'Zaakwerk.Auditor',
    botActAsUser: 'Zaakwerk.Bot.ActAsUser',
  },
  /** The ids of the API app's app roles (as in the manifest's `appRoles[].id`), by role value. */
  appRoleIds: {
    'Zaakwerk.Admin': 'e1a00001-0d4c-4a7e-9b1a-5c6d7e8f9a01',
    'Zaakwerk.Coordinator': 'e1a00002-0d4c-4a7e-9b1a-5c6d7e8f9a02',
    'Zaakwerk.RecordsManager': 'e1a00003-0d4c-4a7e-9b1a-5c6d7e8f9a03',
    'Zaakwerk.ContactCentre': 'e1a00004-0d4c-4a7e-9b1a-5c6d7e8f9a04',
    'Zaakwerk.Auditor': 'e1a00005-0d4c-4a7e-9b1a-5c6d7e8f9a05',
    'Zaakwerk.Bot.ActAsUser': 'e1a00006-0d4c-4a7e-9b1a-5c6d7e8f9a06',
  },
  /** The SharePoint site and document library that hold case folders. */
  sharePoint: {
    siteId: 'localhost,6b1f3c2a-8d4e-4f70-9a1b-2c3d4e5f6a7b,0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b',
    siteDisplayName: 'Zaakwerk',
    sitePath: '/sites/zaakwerk',
    driveId: 'b!KjwfayONcE-aGyw9Tl9qe3uMnQ5fak49jCsaD56NfGvY6Uo1TGpAQ6k8Zt0x7b2F',
    driveName: 'Documenten',
    rootItemId: '01ZWROOT00000000000000000000000000',
  },
  groups: [
    {
      id: 'a1b2c3d4-0001-4000-8000-000000000001',
      displayName: 'Zaakwerk Behandelaars',
      mailNickname: 'zw-behandelaars',
      appRole: null,
    },
    {
      id: 'a1b2c3d4-0002-4000-8000-000000000002',
      displayName: 'Zaakwerk Coördinatoren',
      mailNickname: 'zw-coordinatoren',
      appRole: 'Zaakwerk.Coordinator',
    },
    {
      id: 'a1b2c3d4-0003-4000-8000-000000000003',
      displayName: 'Zaakwerk Functioneel beheer',
      mailNickname: 'zw-beheer',
      appRole: 'Zaakwerk.Admin',
    },
    {
      id: 'a1b2c3d4-0004-4000-8000-000000000004',
      displayName: 'Zaakwerk Archief',
      mailNickname: 'zw-archief',
      appRole: 'Zaakwerk.RecordsManager',
    },
    {
      id: 'a1b2c3d4-0005-4000-8000-000000000005',
      displayName: 'Zaakwerk Klantcontactcentrum',
      mailNickname: 'zw-kcc',
      appRole: 'Zaakwerk.ContactCentre',
    },
    {
      id: 'a1b2c3d4-0006-4000-8000-000000000006',
      displayName: 'Zaakwerk Raadplegers',
      mailNickname: 'zw-raadplegers',
      appRole: null,
    },
  ],
  personas: [
    {
      login: 'behandelaar',
      id: 'b0000001-5a1e-4d2c-9f00-000000000001',
      displayName: 'Sanne de Vries',
      givenName: 'Sanne',
      surname: 'de Vries',
      jobTitle: 'Behandelaar vergunningen',
      department: 'Vergunningen',
      officeLocation: 'Stadskantoor, 3e etage',
      groups: ['zw-behandelaars'],
    },
    {
      login: 'behandelaar2',
      id: 'b0000002-5a1e-4d2c-9f00-000000000002',
      displayName: 'Daan Bakker',
      givenName: 'Daan',
      surname: 'Bakker',
      jobTitle: 'Behandelaar vergunningen',
      department: 'Vergunningen',
      officeLocation: 'Stadskantoor, 3e etage',
      groups: ['zw-behandelaars'],
    },
    {
      login: 'coordinator',
      id: 'b0000003-5a1e-4d2c-9f00-000000000003',
      displayName: 'Fatima El Amrani',
      givenName: 'Fatima',
      surname: 'El Amrani',
      jobTitle: 'Teamleider vergunningen',
      department: 'Vergunningen',
      officeLocation: 'Stadskantoor, 3e etage',
      groups: ['zw-behandelaars', 'zw-coordinatoren'],
    },
    {
      login: 'beheerder',
      id: 'b0000004-5a1e-4d2c-9f00-000000000004',
      displayName: 'Pieter Jansen',
      givenName: 'Pieter',
      surname: 'Jansen',
      jobTitle: 'Functioneel beheerder',
      department: 'Informatievoorziening',
      officeLocation: 'Stadskantoor, 5e etage',
      groups: ['zw-beheer'],
    },
    {
      login: 'archivaris',
      id: 'b0000005-5a1e-4d2c-9f00-000000000005',
      displayName: 'Marieke van den Berg',
      givenName: 'Marieke',
      surname: 'van den Berg',
      jobTitle: 'Archivaris',
      department: 'Documentaire informatievoorziening',
      officeLocation: 'Archiefgebouw',
      groups: ['zw-archief'],
    },
    {
      login: 'kcc',
      id: 'b0000006-5a1e-4d2c-9f00-000000000006',
      displayName: 'Kevin Visser',
      givenName: 'Kevin',
      surname: 'Visser',
      jobTitle: 'Klantcontactmedewerker',
      department: 'Klantcontactcentrum',
      officeLocation: 'Stadskantoor, begane grond',
      groups: ['zw-kcc'],
    },
    {
      login: 'raadpleger',
      id: 'b0000007-5a1e-4d2c-9f00-000000000007',
      displayName: 'Ingrid Smit',
      givenName: 'Ingrid',
      surname: 'Smit',
      jobTitle: 'Beleidsmedewerker',
      department: 'Ruimtelijke ordening',
      officeLocation: 'Stadskantoor, 4e etage',
      groups: ['zw-raadplegers'],
    },
    {
      login: 'adviseur',
      id: 'b0000008-5a1e-4d2c-9f00-000000000008',
      displayName: 'Joost Mulder',
      givenName: 'Joost',
      surname: 'Mulder',
      jobTitle: 'Adviseur constructieve veiligheid',
      department: 'Bouw- en woningtoezicht',
      officeLocation: 'Thuiswerk',
      groups: [],
    },
  ],
} as const;

export type DemoPersona = (typeof demoTenant.personas)[number];
export const personaUpn = (p: Pick<DemoPersona, 'login'>): string => `${p.login}@${demoTenant.domain}`;
