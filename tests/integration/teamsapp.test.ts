import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseEnvFile } from '../../infra/local/src/app-package/env-file';
import { placeholdersIn } from '../../infra/local/src/app-package/placeholders';

const repo = resolve(__dirname, '../..');
const schemaPath = resolve(repo, '../shared/specs/m365/m365agents-yaml/v1.11/yaml.schema.json');
const schemaPresent = existsSync(schemaPath);

interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  version: string;
  environmentFolderPath?: string;
  provision: Action[];
  deploy: Action[];
}

const yamlText = readFileSync(join(repo, 'teamsapp.yml'), 'utf8');
const project = parse(yamlText) as ProjectFile;

describe('teamsapp.yml (Agents Toolkit project file)', () => {
  if (!schemaPresent) {
    if (process.env.CI === 'true') {
      it('finds the shared v1.11 schema', () => {
        throw new Error(`missing ${schemaPath}: CI must have ../shared/specs`);
      });
    } else {
      it.skip(`validates against the v1.11 schema (skipped: ${schemaPath} not found)`, () => undefined);
    }
  } else {
    it('validates against the v1.11 schema from ../shared/specs', () => {
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
      const valid = validate(project);
      expect(valid ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    });

    it('is rejected by the schema when an action does not exist', () => {
      const ajv = new Ajv({ allErrors: true, strict: false });
      const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
      expect(validate({ ...project, provision: [...project.provision, { uses: 'teamsApp/doesNotExist', with: {} }] })).toBe(
        false,
      );
    });
  }

  it('declares version v1.11', () => {
    expect(project.version).toBe('v1.11');
  });

  it('provisions the Teams app, both Entra apps, Azure, the manifest checks and Microsoft 365', () => {
    expect(project.provision.map((a) => a.uses)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/extendToM365',
    ]);
  });

  it('deploys both Function apps and both static sites', () => {
    const uses = project.deploy.map((a) => a.uses);
    expect(uses.filter((u) => u === 'azureFunctions/zipDeploy')).toHaveLength(2);
    expect(uses).toContain('cli/runNpmCommand');
    expect(
      project.deploy.filter((a) => a.uses === 'azureStaticWebApps/getDeploymentToken').map((a) => a.with?.['resourceId']),
    ).toEqual(['${{TAB_RESOURCE_ID}}', '${{ADDIN_RESOURCE_ID}}']);
  });

  it('refers only to files that exist', () => {
    const paths: string[] = [];
    for (const action of [...project.provision, ...project.deploy]) {
      const w = action.with ?? {};
      for (const key of ['manifestPath', 'path', 'parameters']) if (typeof w[key] === 'string') paths.push(w[key] as string);
      for (const template of (w['templates'] as Array<Record<string, string>> | undefined) ?? []) {
        paths.push(template['path'] ?? '', template['parameters'] ?? '');
      }
      if (typeof w['run'] === 'string') paths.push(...((w['run'] as string).match(/infra\/[\w./-]+\.m?js/g) ?? []));
    }
    expect(paths.length).toBeGreaterThan(4);
    for (const path of paths) expect({ path, exists: existsSync(join(repo, path)) }).toEqual({ path, exists: true });
  });

  it('uses only variables that env/.env.dev declares, an earlier action writes, the Bicep outputs, or a secret', () => {
    const declared = new Set(Object.keys(parseEnvFile(readFileSync(join(repo, 'env/.env.dev'), 'utf8'))));
    const bicepOutputs = [...readFileSync(join(repo, 'infra/azure/main.bicep'), 'utf8').matchAll(/^output (\w+) /gm)].map(
      (m) => m[1] ?? '',
    );
    const written = new Set<string>([...declared, ...bicepOutputs]);
    const problems: string[] = [];
    for (const action of [...project.provision, ...project.deploy]) {
      for (const name of placeholdersIn(JSON.stringify(action.with ?? {}))) {
        if (!written.has(name) && !name.startsWith('SECRET_'))
          problems.push(`${action.uses} uses ${name} before anything sets it`);
      }
      for (const name of Object.values(action.writeToEnvironmentFile ?? {})) written.add(name);
    }
    expect(problems).toEqual([]);
  });

  it('fills every placeholder of the manifest, the Entra manifest and the Bicep parameters from the dev environment after provision', () => {
    const declared = new Set(Object.keys(parseEnvFile(readFileSync(join(repo, 'env/.env.dev'), 'utf8'))));
    const files = [
      'appPackage/manifest.json',
      'appPackage/en-US.json',
      'infra/azure/aad.manifest.json',
      'infra/azure/main.parameters.json',
    ];
    const unknown = files.flatMap((file) =>
      placeholdersIn(readFileSync(join(repo, file), 'utf8'))
        .filter((name) => !declared.has(name) && !name.startsWith('SECRET_'))
        .map((name) => `${file}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('keeps secrets out of the committed environment file', () => {
    const values = parseEnvFile(readFileSync(join(repo, 'env/.env.dev'), 'utf8'));
    expect(Object.keys(values).filter((k) => k.startsWith('SECRET_'))).toEqual([]);
  });
});
