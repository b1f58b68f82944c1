import { GraphError } from './errors';
import { paginate, parseSelect, parseTop, project } from './odata';

describe('OData helpers', () => {
  it('page through a collection with @odata.nextLink until the last page', () => {
    const items = Array.from({ length: 5 }, (_, i) => i);
    const first = paginate(items, new URL('https://x/graph/v1.0/users?$top=2'), 'https://localhost:5443', 2);
    expect(first.page).toEqual([0, 1]);
    const second = paginate(items, new URL(first.nextLink!), 'https://localhost:5443', 2);
    expect(second.page).toEqual([2, 3]);
    const last = paginate(items, new URL(second.nextLink!), 'https://localhost:5443', 2);
    expect([last.page, last.nextLink]).toEqual([[4], undefined]);
  });

  it('refuse $top outside 1..999 and unknown $select properties with 400', () => {
    expect(() => parseTop('0')).toThrow(GraphError);
    expect(() => parseTop('1000')).toThrow(GraphError);
    expect(parseTop('25')).toBe(25);
    expect(() => parseSelect('displayName,shoeSize', ['displayName'], 'microsoft.graph.user')).toThrow(/shoeSize/);
  });

  it('project only the selected properties, with canonical names', () => {
    const select = parseSelect('DISPLAYNAME,mail', ['displayName', 'mail', 'id'], 'microsoft.graph.user');
    expect(project({ displayName: 'Sanne', mail: 'm', id: '1' }, select)).toEqual({ displayName: 'Sanne', mail: 'm' });
  });
});
