/** Reads the forms of the sandbox's HTML pages the way a browser would submit them. */
export interface HtmlForm {
  action: string;
  method: string;
  fields: Record<string, string>;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

export function unescapeHtml(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]!);
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescapeHtml(match[1]!) : undefined;
}

/** The first form of a page with its hidden fields. */
export function parseForm(html: string): HtmlForm {
  const formMatch = /<form\b[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!formMatch) throw new Error('no form on the page');
  const openTag = /<form\b[^>]*>/.exec(formMatch[0])![0];
  const fields: Record<string, string> = {};
  for (const input of formMatch[1]!.match(/<input\b[^>]*>/g) ?? []) {
    if (attribute(input, 'type') !== 'hidden') continue;
    const name = attribute(input, 'name');
    if (name !== undefined) fields[name] = attribute(input, 'value') ?? '';
  }
  return {
    action: attribute(openTag, 'action') ?? '',
    method: (attribute(openTag, 'method') ?? 'get').toUpperCase(),
    fields,
  };
}
