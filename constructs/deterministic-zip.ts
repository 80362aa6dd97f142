/**
 * Zip archives whose bytes depend only on their entries: entries in name order, one fixed
 * timestamp, `-rw-r--r--` Unix permissions, and DEFLATE by fflate, a pure-JavaScript implementation
 * pinned by the lockfile (Node's zlib could differ between Node versions, and a zip that changed
 * with the machine would change `source_code_hash` and redeploy every function).
 *
 * A writer compresses each distinct content once: packages that carry the same file (the language
 * model every text kind ships) reuse its compressed bytes, through fflate's documented
 * `ZipInputFile` interface for entries compressed by the caller.
 */
import { createHash } from 'crypto';
import { crc32 } from 'zlib';
import { deflateSync, Zip, type ZipInputFile } from 'fflate';

/** One file of an archive. */
export interface ZipEntry {
  /** The path inside the archive (`/`-separated). */
  readonly name: string;
  readonly data: Uint8Array;
}

/**
 * The entries' timestamp. fflate writes DOS time from the Date's local-time fields, so the date is
 * built from local fields too: the stored value is 2000-01-01 12:00:00 in every time zone.
 */
const pinnedTime = () => new Date(2000, 0, 1, 12, 0, 0);

/** `-rw-r--r--` regular file, as Unix zip tools store it in the external attributes. */
const FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;

/** "Made by" Unix, so unzip and Lambda honour the permission bits. */
const OS_UNIX = 3;

/** DEFLATE, in the zip format's numbering (APPNOTE.TXT 4.4.5). */
const METHOD_DEFLATE = 8;

/** fflate's default level: within 1% of level 9's size at half its time on the model host packages. */
const LEVEL = 6;

interface Compressed {
  readonly deflated: Uint8Array<ArrayBuffer>;
  readonly crc: number;
}

/** Writes deterministic zips, compressing each distinct content once per writer. */
export class DeterministicZipWriter {
  private readonly compressed = new Map<string, Compressed>();

  /** The archive of `entries`, in name order. */
  zip(entries: readonly ZipEntry[]): Uint8Array {
    const names = entries.map((e) => e.name);
    if (new Set(names).size !== names.length) throw new Error(`duplicate zip entry in ${names.join(', ')}`);
    const chunks: Uint8Array[] = [];
    let failure: Error | null = null;
    const archive = new Zip((err, chunk) => {
      if (err) failure = err;
      else chunks.push(chunk);
    });
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const { deflated, crc } = this.compress(entry.data);
      const file: ZipInputFile = {
        filename: entry.name,
        size: entry.data.byteLength,
        crc,
        compression: METHOD_DEFLATE,
        mtime: pinnedTime(),
        os: OS_UNIX,
        attrs: FILE_ATTRIBUTES,
      };
      archive.add(file);
      file.ondata!(null, deflated, true);
    }
    archive.end();
    if (failure) throw failure;
    return Buffer.concat(chunks);
  }

  private compress(data: Uint8Array): Compressed {
    const key = createHash('sha256').update(data).digest('hex');
    let known = this.compressed.get(key);
    if (!known) {
      known = { deflated: deflateSync(data, { level: LEVEL }), crc: crc32(data) };
      this.compressed.set(key, known);
    }
    return known;
  }
}
