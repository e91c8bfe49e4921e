import type { z } from 'zod';

export type ChannelKind = 'query' | 'command';
/** A query only reads; a command may write. Both validate input and output in main. */
export interface ChannelSpec {
  kind: ChannelKind;
  input: z.ZodType;
  output: z.ZodType;
}
