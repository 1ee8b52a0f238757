/**
 * zod compiles fast parsers with `new Function`, which Trusted Types and the CSP forbid;
 * its interpreted mode does the same checks. Imported first, before any schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });
