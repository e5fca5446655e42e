/** The part of archiver 8 (ESM, no bundled types) that zip.ts uses. */
declare module 'archiver' {
  import type { Writable } from 'node:stream';

  export interface EntryData {
    readonly name: string;
    readonly date?: Date;
    readonly mode?: number;
  }

  export class ZipArchive {
    constructor(options?: { readonly zlib?: { readonly level?: number } });
    append(source: Buffer | string, data: EntryData): this;
    pipe<T extends Writable>(destination: T): T;
    finalize(): Promise<void>;
    on(event: 'error' | 'warning', listener: (error: Error) => void): this;
  }
}
