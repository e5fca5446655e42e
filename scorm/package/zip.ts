import { Writable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { ZipArchive } from 'archiver';

/** Files of a package: zip path → contents. */
export type FileMap = ReadonlyMap<string, Uint8Array | string>;

/** Every entry gets this date, so the same files always give the same bytes. */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/**
 * A deterministic zip: entries in sorted path order, one fixed date, fixed permissions and
 * compression. The same file map gives a byte-identical zip on any machine with the same Node.
 */
export async function createZip(files: FileMap): Promise<Buffer> {
  const archive = new ZipArchive({ zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
    archive.on('error', reject);
    archive.on('warning', reject);
  });
  archive.pipe(sink);
  for (const path of [...files.keys()].sort()) {
    const contents = files.get(path) as Uint8Array | string;
    archive.append(typeof contents === 'string' ? Buffer.from(contents) : Buffer.from(contents), {
      name: path,
      date: FIXED_DATE,
      mode: 0o644,
    });
  }
  await archive.finalize();
  await finished;
  return Buffer.concat(chunks);
}

/**
 * Reads a zip's entries (stored or deflated), for the tests and the preview LMS: the central
 * directory gives each entry's name and offset; nothing is written to disk.
 */
export function readZip(zip: Uint8Array): Map<string, Buffer> {
  const buffer = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('Not a zip file (no end of central directory).');
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('Corrupt central directory.');
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    const localNameLength = buffer.readUInt16LE(local + 26);
    const localExtraLength = buffer.readUInt16LE(local + 28);
    const start = local + 30 + localNameLength + localExtraLength;
    const data = buffer.subarray(start, start + compressedSize);
    if (!name.endsWith('/')) {
      if (method === 0) entries.set(name, Buffer.from(data));
      else if (method === 8) entries.set(name, inflateRawSync(data));
      else throw new Error(`Entry ${name} uses compression method ${method}.`);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
