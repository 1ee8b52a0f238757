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

/**
 * A request as it was sent. Capturing happens on every request a flow sends, exporting
 * rarely, so capture only copies the request's parts; the command line is built on the first
 * export (or when the secrets are forgotten) and kept.
 */
export interface CapturedRequest {
  method: string;
  /** Until the command line is built; dropped then, secrets with it. */
  sent?: SentParts;
  built?: CommandLine;
}

interface CommandLine {
  url: string;
  pieces: Piece[];
}

interface SentParts {
  url: string;
  baseUrl: string;
  query?: TransportRequest['query'];
  headers?: Record<string, string>;
  form?: Record<string, string>;
  bearer?: string;
  basic?: { username: string; password: string };
  /** JSON bodies are written out at once: the caller may reuse the object afterwards. */
  json?: { masked: string; revealed: string };
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

function absoluteUrl(sent: SentParts): string {
  const url = /^https?:\/\//i.test(sent.url)
    ? new URL(sent.url)
    : new URL(`${sent.baseUrl.replace(/\/+$/, '')}${sent.url}`);
  for (const [name, value] of Object.entries(sent.query ?? {})) {
    if (value !== undefined) url.searchParams.append(name, String(value));
  }
  return url.toString();
}

export function captureRequest(req: TransportRequest, baseUrl: string): CapturedRequest {
  const sent: SentParts = { url: req.url, baseUrl };
  if (req.query !== undefined) sent.query = { ...req.query };
  if (req.headers !== undefined) sent.headers = { ...req.headers };
  if (req.form !== undefined) sent.form = { ...req.form };
  if (req.bearer !== undefined) sent.bearer = req.bearer;
  if (req.basic !== undefined) sent.basic = { ...req.basic };
  if (req.json !== undefined) {
    sent.json = {
      masked: JSON.stringify(maskJson(req.json)),
      revealed: JSON.stringify(req.json),
    };
  }
  return { method: req.method, sent };
}

function build(sent: SentParts): CommandLine {
  const pieces: Piece[] = [];
  const header = (name: string, value: string): void => {
    pieces.push({ masked: `-H ${quote(`${name}: ${value}`)}` });
  };

  for (const [name, value] of Object.entries(sent.headers ?? {})) {
    if (name.toLowerCase() !== 'authorization') header(name, value);
  }
  if (sent.form !== undefined) header('Content-Type', 'application/x-www-form-urlencoded');
  if (sent.json !== undefined) header('Content-Type', 'application/json');
  if (sent.bearer !== undefined) {
    pieces.push(
      secretPiece(
        `-H ${quote('Authorization: Bearer <access_token>')}`,
        `-H ${quote(`Authorization: Bearer ${sent.bearer}`)}`,
      ),
    );
  }
  if (sent.basic !== undefined) {
    const user = sent.basic.username;
    pieces.push(
      secretPiece(
        `-u ${quote(`${user}:<client_secret>`)}`,
        `-u ${quote(`${user}:${sent.basic.password}`)}`,
      ),
    );
  }
  const form = sent.form;
  if (form !== undefined) {
    for (const [name, value] of Object.entries(form)) {
      const placeholder = formPlaceholder(name, form);
      const revealed = `-d ${quote(formPair(name, value))}`;
      const masked =
        placeholder === undefined ? revealed : `-d ${quote(`${formPair(name, '')}${placeholder}`)}`;
      pieces.push(secretPiece(masked, revealed));
    }
  }
  if (sent.json !== undefined) {
    pieces.push(secretPiece(`-d ${quote(sent.json.masked)}`, `-d ${quote(sent.json.revealed)}`));
  }
  return { url: absoluteUrl(sent), pieces };
}

/** The command line, built on first use. */
function commandLine(capture: CapturedRequest): CommandLine {
  if (capture.built === undefined) {
    capture.built = capture.sent === undefined ? { url: '', pieces: [] } : build(capture.sent);
    delete capture.sent;
  }
  return capture.built;
}

/** Drops the real values; afterwards only placeholders can be exported. */
export function forgetSecrets(capture: CapturedRequest): void {
  for (const piece of commandLine(capture).pieces) delete piece.revealed;
}

export function renderCurl(capture: CapturedRequest, reveal: boolean): string {
  const { url, pieces } = commandLine(capture);
  const parts = [`curl -k -X ${capture.method} ${shellQuote(url)}`];
  for (const piece of pieces) {
    parts.push(reveal && piece.revealed !== undefined ? piece.revealed : piece.masked);
  }
  return parts.join(' \\\n  ');
}
