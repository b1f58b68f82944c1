import type { CaseType } from '../../contract/case-type';
import { InvalidCaseTypeDefinition } from './errors';
import { fragmentLookup } from './resolve-fragments';
import { aDefinition, anAddressFragment } from './test-builders';
import { publish, retire, versionForNewCase } from './versioning';

const at = '2026-03-01T09:00:00Z';

describe('publishing case-type versions', () => {
  it('publishes the first draft as version 1, valid from the publish date when it names none', () => {
    const { validFrom: _unused, ...draft } = aDefinition();
    const v1 = publish(draft, [], { publishedAt: at });
    expect(v1).toMatchObject({ key: 'kapvergunning', version: 1, status: 'published', validFrom: '2026-03-01', publishedAt: at });
  });

  it('publishes the next draft as version n+1 and leaves the previous version exactly as it was', () => {
    const v1 = publish(aDefinition(), [], { publishedAt: at });
    const before = structuredClone(v1);
    const v2 = publish({ ...aDefinition(), legalTerm: 'P12W' }, [v1], { publishedAt: '2026-04-01T09:00:00Z' });
    expect(v2.version).toBe(2);
    expect(v2.legalTerm).toBe('P12W');
    expect(v1).toEqual(before);
  });

  it('keeps a published version immutable, so a case that started on it never sees a change', () => {
    const v1 = publish(aDefinition(), [], { publishedAt: at });
    expect(() => {
      (v1.phases[0] as { name: string }).name = 'Anders';
    }).toThrow(TypeError);
    expect(v1.phases[0]?.name).toBe('Intake');
  });

  it('does not let later edits of the draft reach the published version', () => {
    const draft = aDefinition();
    const v1 = publish(draft, [], { publishedAt: at });
    draft.phases[0]!.name = 'Gewijzigd in concept';
    draft.legalTerm = 'P26W';
    expect(v1.phases[0]?.name).toBe('Intake');
    expect(v1.legalTerm).toBe('P8W');
  });

  it('refuses to publish an invalid draft and lists its issues', () => {
    expect.assertions(3);
    const draft = { ...aDefinition(), extension: { allowed: false, max: 'P6W' } };
    expect(() => publish(draft, [], { publishedAt: at })).toThrow(InvalidCaseTypeDefinition);
    try {
      publish(draft, [], { publishedAt: at });
    } catch (error) {
      expect((error as InvalidCaseTypeDefinition).code).toBe('case-type.invalid');
      expect((error as InvalidCaseTypeDefinition).issues).toContainEqual(
        expect.objectContaining({ path: 'extension.max', code: 'extension.max-without-allowed' }),
      );
    }
  });

  it('refuses versions of another case type as predecessors', () => {
    const other = publish({ ...aDefinition(), key: 'bouwvergunning' }, [], { publishedAt: at });
    expect(() => publish(aDefinition(), [other], { publishedAt: at })).toThrow(
      expect.objectContaining({ code: 'case-type.version-conflict' }),
    );
  });

  it('retires a published version without touching its content', () => {
    const v1 = publish(aDefinition(), [], { publishedAt: at });
    const retired = retire(v1, '2026-05-01T00:00:00Z');
    expect(retired).toEqual({ ...v1, status: 'retired', retiredAt: '2026-05-01T00:00:00Z' });
    expect(v1.status).toBe('published');
    expect(() => retire(retired, at)).toThrow(expect.objectContaining({ code: 'case-type.not-published' }));
  });

  it('starts new cases on the newest published version valid that day, never on a retired one', () => {
    const v1 = publish(aDefinition(), [], { publishedAt: at, validFrom: '2026-01-01' });
    const v2 = publish(aDefinition(), [v1], { publishedAt: at, validFrom: '2026-06-01' });
    const versions: CaseType[] = [v1, v2];
    expect(versionForNewCase(versions, '2026-05-31')?.version).toBe(1);
    expect(versionForNewCase(versions, '2026-06-01')?.version).toBe(2);
    expect(versionForNewCase([v1, retire(v2, at)], '2026-07-01')?.version).toBe(1);
    expect(versionForNewCase(versions, '2025-12-31')).toBeUndefined();
  });
});

describe('reusing fragments', () => {
  const withFragment = () => ({ ...aDefinition(), fields: [...aDefinition().fields!, { fragment: 'locatie', version: 1 }] });

  it('inlines the pinned fragment version at publish time and records the pin on each item', () => {
    const v1 = publish(withFragment(), [], {
      publishedAt: at,
      fragments: fragmentLookup([anAddressFragment(1), anAddressFragment(2)]),
    });
    expect(v1.fields.at(-1)).toEqual({
      key: 'adres',
      label: 'Adres',
      type: 'address',
      required: false,
      fromFragment: { key: 'locatie', version: 1 },
    });
    expect(v1.fields.map((field) => ('key' in field ? field.key : field.fragment))).not.toContain('kadastraal');
  });

  it('never changes a published version when a new fragment version appears', () => {
    const library = [anAddressFragment(1)];
    const v1 = publish(withFragment(), [], { publishedAt: at, fragments: fragmentLookup(library) });
    const before = structuredClone(v1);
    library.push(anAddressFragment(2));
    expect(v1).toEqual(before);
    const v2 = publish({ ...aDefinition(), fields: [...aDefinition().fields!, { fragment: 'locatie', version: 2 }] }, [v1], {
      publishedAt: at,
      fragments: fragmentLookup(library),
    });
    expect(v2.fields.filter((field) => 'fromFragment' in field && field.fromFragment?.version === 2)).toHaveLength(2);
  });

  it('refuses a draft that pins a fragment version that does not exist', () => {
    expect(() => publish(withFragment(), [], { publishedAt: at, fragments: fragmentLookup([anAddressFragment(2)]) })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'fields[5]', code: 'fragment.unknown' })] }),
    );
  });
});
