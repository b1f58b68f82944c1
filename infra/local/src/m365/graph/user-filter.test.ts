import { GraphError } from './errors';
import { matchesUserFilter, parseUserFilter } from './user-filter';

const sanne = {
  id: 'b0000001-5a1e-4d2c-9f00-000000000001',
  displayName: 'Sanne de Vries',
  givenName: 'Sanne',
  surname: 'de Vries',
  mail: 'behandelaar@zaakwerk.test',
  userPrincipalName: 'behandelaar@zaakwerk.test',
};
const daan = {
  id: 'b0000002-5a1e-4d2c-9f00-000000000002',
  displayName: 'Daan Bakker',
  givenName: 'Daan',
  surname: 'Bakker',
  mail: 'behandelaar2@zaakwerk.test',
  userPrincipalName: 'behandelaar2@zaakwerk.test',
};
const matching = (filter: string): string[] =>
  [sanne, daan].filter((u) => matchesUserFilter(parseUserFilter(filter), u)).map((u) => u.givenName);

function graphErrorOf(filter: string): GraphError {
  try {
    parseUserFilter(filter);
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error(`expected ${filter} to be rejected`);
}

describe('parseUserFilter', () => {
  it.each([
    ["startswith(displayName,'San')", ['Sanne']],
    ["startswith(displayName, 'san')", ['Sanne']],
    ["startswith(givenName,'Da')", ['Daan']],
    ["mail eq 'BEHANDELAAR2@zaakwerk.test'", ['Daan']],
    ["userPrincipalName eq 'behandelaar@zaakwerk.test'", ['Sanne']],
    ["id in ('b0000002-5a1e-4d2c-9f00-000000000002', 'b0000001-5a1e-4d2c-9f00-000000000001')", ['Sanne', 'Daan']],
    ["startswith(displayName,'San') or startswith(surname,'Bak')", ['Sanne', 'Daan']],
    ["startswith(displayName,'San') and mail eq 'behandelaar2@zaakwerk.test'", []],
    ["(startswith(givenName,'X') or startswith(givenName,'D')) and startswith(surname,'B')", ['Daan']],
  ])('%s matches %j', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it("reads a doubled quote inside a string as one quote (O'Brien)", () => {
    expect(parseUserFilter("startswith(displayName,'O''Bri')")).toEqual({
      op: 'startswith',
      property: 'displayName',
      value: "O'Bri",
    });
  });

  it.each(["endswith(displayName,'s')", "jobTitle eq 'Archivaris'", "displayName ne 'x'", "department eq 'Vergunningen'"])(
    'answers Request_UnsupportedQuery for %s',
    (filter) => {
      const error = graphErrorOf(filter);
      expect([error.status, error.code]).toEqual([400, 'Request_UnsupportedQuery']);
    },
  );

  it.each(["startswith(displayName,'San'", 'mail eq', "mail eq 'unterminated", "startswith(displayName,'a') or"])(
    'answers BadRequest for the malformed %s',
    (filter) => {
      const error = graphErrorOf(filter);
      expect([error.status, error.code]).toEqual([400, 'BadRequest']);
    },
  );
});
