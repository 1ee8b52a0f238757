/**
 * A last check on everything that crosses to the renderer: no JWT and no value the vault holds
 * may appear in a result, unless the call exists to hand one over at the user's request.
 */
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/;

/** The path of the first secret-shaped string in a value, or undefined when it is clean. */
export function findSecret(
  value: unknown,
  known: ReadonlySet<string> = new Set(),
): string | undefined {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: item, path } = stack.pop()!;
    if (typeof item === 'string') {
      if (JWT.test(item) || known.has(item)) return path || '(result)';
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        stack.push({
          value: child,
          path: Array.isArray(item) ? `${path}[${key}]` : path ? `${path}.${key}` : key,
        });
      }
    }
  }
  return undefined;
}
