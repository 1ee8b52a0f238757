/**
 * Requests as curl commands in the style of WSO2's documentation
 * (`curl -k -X POST https://localhost:9443/oauth2/token -H '…' -d 'grant_type=…'`). A request
 * is captured once, as the pieces of its command line, each with a masked form that puts a
 * placeholder (`<client_secret>`, `<actor_token>` …) where a secret was and, until the
 * secrets are forgotten, the form with the real values for an explicit reveal.
 */
import type { TransportRequest } from '../wso2/transport';

interface Piece {
  masked: string;
  revealed?: string;
}

export interface CapturedRequest {
  method: string;
  url: string;
  pieces: Piece[];
}

/** Form fields whose values are secrets, and the placeholder each gets. */
const FORM_PLACEHOLDERS: Record<string, string> = {
  client_secret: '<client_secret>',
  actor_token: '<actor_token>',
  subject_token: '<subject_token>',
  code_verifier: '<code_verifier>',
  code: '<code>',
  refresh_token: '<refresh_token>',
  password: '<password>',
  assertion: '<assertion>',
};

/** JSON fields with secret values; the only JSON password the flows send is an agent's. */
const JSON_PLACEHOLDERS: Record<string, string> = {
  password: '<agent_secret>',
  client_secret: '<client_secret>',
};

/** Single-quoted for a POSIX shell, as WSO2's docs write every option value. */
export function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Quoted only when the shell would otherwise split or expand it (URLs stay bare). */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : quote(value);
}

function formPair(name: string, value: string): string {
  return new URLSearchParams([[name, value]]).toString();
}

function formPlaceholder(name: string, form: Record<string, string>): string | undefined {
  if (name === 'token') {
    return form.token_type_hint === 'refresh_token' ? '<refresh_token>' : '<access_token>';
  }
  return FORM_PLACEHOLDERS[name];
}

function maskJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskJson);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const placeholder = JSON_PLACEHOLDERS[key];
    out[key] = placeholder !== undefined && typeof item === 'string' ? placeholder : maskJson(item);
  }
  return out;
}

function secretPiece(masked: string, revealed: string): Piece {
  return masked === revealed ? { masked } : { masked, revealed };
}

function absoluteUrl(req: TransportRequest, baseUrl: string): string {
  const url = /^https?:\/\//i.test(req.url)
    ? new URL(req.url)
    : new URL(`${baseUrl.replace(/\/+$/, '')}${req.url}`);
  for (const [name, value] of Object.entries(req.query ?? {})) {
    if (value !== undefined) url.searchParams.append(name, String(value));
  }
  return url.toString();
}

export function captureRequest(req: TransportRequest, baseUrl: string): CapturedRequest {
  const pieces: Piece[] = [];
  const header = (name: string, value: string): void => {
    pieces.push({ masked: `-H ${quote(`${name}: ${value}`)}` });
  };

  for (const [name, value] of Object.entries(req.headers ?? {})) {
    if (name.toLowerCase() !== 'authorization') header(name, value);
  }
  if (req.form !== undefined) header('Content-Type', 'application/x-www-form-urlencoded');
  if (req.json !== undefined) header('Content-Type', 'application/json');
  if (req.bearer !== undefined) {
    pieces.push(
      secretPiece(
        `-H ${quote('Authorization: Bearer <access_token>')}`,
        `-H ${quote(`Authorization: Bearer ${req.bearer}`)}`,
      ),
    );
  }
  if (req.basic !== undefined) {
    const user = req.basic.username;
    pieces.push(
      secretPiece(
        `-u ${quote(`${user}:<client_secret>`)}`,
        `-u ${quote(`${user}:${req.basic.password}`)}`,
      ),
    );
  }
  const form = req.form;
  if (form !== undefined) {
    for (const [name, value] of Object.entries(form)) {
      const placeholder = formPlaceholder(name, form);
      const revealed = `-d ${quote(formPair(name, value))}`;
      const masked =
        placeholder === undefined ? revealed : `-d ${quote(`${formPair(name, '')}${placeholder}`)}`;
      pieces.push(secretPiece(masked, revealed));
    }
  }
  if (req.json !== undefined) {
    pieces.push(
      secretPiece(
        `-d ${quote(JSON.stringify(maskJson(req.json)))}`,
        `-d ${quote(JSON.stringify(req.json))}`,
      ),
    );
  }
  return { method: req.method, url: absoluteUrl(req, baseUrl), pieces };
}

/** Drops the real values; afterwards only placeholders can be exported. */
export function forgetSecrets(capture: CapturedRequest): void {
  for (const piece of capture.pieces) delete piece.revealed;
}

export function renderCurl(capture: CapturedRequest, reveal: boolean): string {
  const parts = [`curl -k -X ${capture.method} ${shellQuote(capture.url)}`];
  for (const piece of capture.pieces) {
    parts.push(reveal && piece.revealed !== undefined ? piece.revealed : piece.masked);
  }
  return parts.join(' \\\n  ');
}
