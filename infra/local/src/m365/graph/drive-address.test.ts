import { parseDriveAddress } from './drive-address';

describe('parseDriveAddress', () => {
  it.each([
    ['root', { base: { kind: 'root' }, path: [], target: 'item' }],
    ['root/children', { base: { kind: 'root' }, path: [], target: 'children' }],
    ['items/01ABC', { base: { kind: 'item', id: '01ABC' }, path: [], target: 'item' }],
    ['items/01ABC/children', { base: { kind: 'item', id: '01ABC' }, path: [], target: 'children' }],
    ['items/01ABC/content', { base: { kind: 'item', id: '01ABC' }, path: [], target: 'content' }],
    ['root:/Zaken/Z-1:', { base: { kind: 'root' }, path: ['Zaken', 'Z-1'], target: 'item' }],
    ['root:/Zaken/Z-1', { base: { kind: 'root' }, path: ['Zaken', 'Z-1'], target: 'item' }],
    ['root:/Zaken:/children', { base: { kind: 'root' }, path: ['Zaken'], target: 'children' }],
    ['root:/A/b.txt:/content', { base: { kind: 'root' }, path: ['A', 'b.txt'], target: 'content' }],
    ['items/01ABC/versions', { base: { kind: 'item', id: '01ABC' }, path: [], target: 'versions' }],
    [
      'items/01ABC/versions/2.0/content',
      { base: { kind: 'item', id: '01ABC' }, path: [], target: 'versionContent', versionId: '2.0' },
    ],
    [
      'items/01ABC/versions/1.0/restoreVersion',
      { base: { kind: 'item', id: '01ABC' }, path: [], target: 'restoreVersion', versionId: '1.0' },
    ],
    ['items/01ABC/listItem/fields', { base: { kind: 'item', id: '01ABC' }, path: [], target: 'listItemFields' }],
    ['items/01ABC/checkout', { base: { kind: 'item', id: '01ABC' }, path: [], target: 'checkout' }],
    ['items/01ABC/invite', { base: { kind: 'item', id: '01ABC' }, path: [], target: 'invite' }],
    ['items/01ABC/permissions/p1', { base: { kind: 'item', id: '01ABC' }, path: [], target: 'permission', permissionId: 'p1' }],
    [
      'items/01P:/groot.pdf:/createUploadSession',
      { base: { kind: 'item', id: '01P' }, path: ['groot.pdf'], target: 'createUploadSession' },
    ],
    [
      'items/01PARENT:/brief%20aan%20aanvrager.pdf:/content',
      { base: { kind: 'item', id: '01PARENT' }, path: ['brief aan aanvrager.pdf'], target: 'content' },
    ],
  ])('reads %s', (rest, expected) => {
    expect(parseDriveAddress(rest)).toEqual(expected);
  });

  it.each(['children', 'items', 'root/activities', 'root:/A:/thumbnails', 'items/01ABC/versions/1.0/delete', 'root:/%E0%A4%A:'])(
    'does not read %s as an address',
    (rest) => {
      expect(parseDriveAddress(rest)).toBeUndefined();
    },
  );
});
