/**
 * Zod compiles fast parsers with `new Function`, and probes for it once; under the strict CSP
 * (no 'unsafe-eval', Trusted Types required) even the caught probe is reported as a violation.
 * Jitless mode skips both. This module must be imported before any module that builds a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
