/**
 * The contract between the renderer and the main process: every call and event, with its
 * input schema and result type. Both sides derive their types from this module.
 */
import { z } from 'zod';

export const contract = {
  appInfo: {
    input: z.object({}).strict(),
    result: z.object({
      name: z.string(),
      version: z.string(),
      host: z.enum(['electron', 'browser']),
    }),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type CallInput<C extends Channel> = z.input<Contract[C]['input']>;
export type CallResult<C extends Channel> = z.output<Contract[C]['result']>;
