/**
 * Checks responses against the official WSO2 OpenAPI / Swagger files, read from
 * `../shared/specs/wso2` beside the repository (never copied in). Handles OpenAPI 3.0
 * (`nullable`, `$ref` into components, response refs) and Swagger 2.0 (`definitions`,
 * `produces`). When the folder is absent, checks print one notice and pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parseDocument } from 'yaml';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const SPECS_DIR = resolve(repoRoot, '../shared/specs/wso2');

export const SPECS = {
  organizations: 'org.wso2.carbon.identity.organization.management.yaml',
  scim2: 'scim2.yaml',
  agentShare: 'organization-agent-share-v1.yaml',
  userShare: 'organization-user-share-v2.yaml',
  asyncStatus: 'asynchronous-operation-status.yaml',
} as const;

export type SpecName = keyof typeof SPECS;

export interface SpecResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export function specsAvailable(): boolean {
  return existsSync(resolve(SPECS_DIR, SPECS.organizations));
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** OpenAPI 3.0 `nullable: true` → JSON Schema's `null` type, everywhere in the document. */
function convertNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convertNullable);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) out[key] = convertNullable(value);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const escapePointer = (part: string): string => part.replace(/~/g, '~0').replace(/\//g, '~1');

interface LoadedSpec {
  id: string;
  doc: Json;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
// WSO2 builds `Link.href` with `getRelativePublicURL()`, so the server-relative references it
// returns are accepted where the spec says `format: uri`.
ajv.addFormat('uri', (value: string) => /^\/[^\s]*$/.test(value) || URL.canParse(value));

const loaded = new Map<SpecName, LoadedSpec>();
const validators = new Map<string, ValidateFunction>();

/**
 * Parses a spec. The organization spec's multi-line quoted `info.description` is invalid YAML
 * 1.2 (Java's SnakeYAML accepts it), so errors are tolerated only before `paths:`, where they
 * can damage nothing but `info`.
 */
function parseSpec(name: SpecName): unknown {
  const text = readFileSync(resolve(SPECS_DIR, SPECS[name]), 'utf8');
  const document = parseDocument(text, { strict: false });
  const pathsAt = text.search(/^paths:/m);
  const harmful = document.errors.filter((e) => pathsAt < 0 || e.pos[1] >= pathsAt);
  if (harmful.length > 0) throw new Error(`${SPECS[name]}: ${harmful[0]!.message}`);
  return document.toJS() as unknown;
}

function load(name: SpecName): LoadedSpec {
  let spec = loaded.get(name);
  if (!spec) {
    const raw = parseSpec(name);
    const doc = convertNullable(raw) as Json;
    const id = `https://specs.invalid/${SPECS[name]}`;
    ajv.addSchema({ ...doc, $id: id }, id);
    spec = { id, doc };
    loaded.set(name, spec);
  }
  return spec;
}

function at(doc: Json, pointer: string): unknown {
  let node: unknown = doc;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  return node;
}

/** The problems of a response against the spec; an empty list when it conforms. */
export function specProblems(
  name: SpecName,
  method: string,
  pathTemplate: string,
  response: SpecResponse,
): string[] {
  const { id, doc } = load(name);
  const operationPointer = `/paths/${escapePointer(pathTemplate)}/${method.toLowerCase()}`;
  const operation = at(doc, operationPointer);
  if (!isObject(operation)) return [`${method} ${pathTemplate} is not in ${SPECS[name]}`];
  const responses = isObject(operation.responses) ? operation.responses : {};
  const statusKey = String(response.status) in responses ? String(response.status) : 'default';
  let pointer = `${operationPointer}/responses/${statusKey}`;
  let documented = at(doc, pointer);
  if (!isObject(documented))
    return [`status ${response.status} is not documented for ${method} ${pathTemplate}`];
  if (typeof documented.$ref === 'string') {
    pointer = documented.$ref.slice(1);
    documented = at(doc, pointer);
    if (!isObject(documented)) return [`unresolvable response reference at ${pointer}`];
  }

  const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim();
  let schemaPointer: string | undefined;
  if (typeof doc.openapi === 'string') {
    const content = isObject(documented.content) ? documented.content : undefined;
    if (!content)
      return response.body === '' ? [] : [`status ${response.status} documents no body`];
    if (!(contentType in content)) {
      return [
        `content type '${contentType}' is not documented (documented: ${Object.keys(content).join(', ')})`,
      ];
    }
    schemaPointer = `${pointer}/content/${escapePointer(contentType)}/schema`;
  } else {
    const produces = (operation.produces ?? doc.produces ?? []) as string[];
    if (produces.length > 0 && !produces.includes(contentType)) {
      return [`content type '${contentType}' is not produced (produces: ${produces.join(', ')})`];
    }
    if (!isObject(documented.schema)) return [];
    schemaPointer = `${pointer}/schema`;
  }

  const key = `${id}#${schemaPointer}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile({ $ref: key });
    validators.set(key, validate);
  }
  if (validate(response.body)) return [];
  return (validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message ?? 'is invalid'}`);
}

let noticeShown = false;

/** Throws when a response breaks the spec; passes with a notice when the specs are absent. */
export function expectMatchesSpec(
  name: SpecName,
  method: string,
  pathTemplate: string,
  response: SpecResponse,
): void {
  if (!specsAvailable()) {
    if (!noticeShown) {
      console.warn(
        `[openapi] ${SPECS_DIR} not found: responses are not checked against the WSO2 specs.`,
      );
      noticeShown = true;
    }
    return;
  }
  const problems = specProblems(name, method, pathTemplate, response);
  if (problems.length > 0) {
    throw new Error(
      `${method} ${pathTemplate} → ${response.status} breaks ${SPECS[name]}:\n  ${problems.join('\n  ')}`,
    );
  }
}
