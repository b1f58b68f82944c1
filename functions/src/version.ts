import packageJson from '../package.json';

/** The API version reported by /health and the OpenAPI document: the package version. */
export const apiVersion: string = packageJson.version;
