import { unzipSync } from 'fflate';
import { DeterministicZipWriter } from '../../constructs/deterministic-zip';

const text = (s: string) => new TextEncoder().encode(s);

/** The central directory records of a zip, as `unzip -Z` would list them. */
function centralEntries(zip: Uint8Array) {
  const buf = Buffer.from(zip);
  const entries: { name: string; madeBy: number; time: number; date: number; mode: number; method: number }[] = [];
  for (let at = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    const nameLength = buf.readUInt16LE(at + 28);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      madeBy: buf[at + 5]!,
      method: buf.readUInt16LE(at + 10),
      time: buf.readUInt16LE(at + 12),
      date: buf.readUInt16LE(at + 14),
      mode: buf.readUInt32LE(at + 38) >>> 16,
    });
  }
  return entries;
}

describe('DeterministicZipWriter', () => {
  test('stores entries in name order, deflated, at 2000-01-01 12:00:00, -rw-r--r--, made by Unix', () => {
    const zip = new DeterministicZipWriter().zip([
      { name: 'b.json', data: text('{"b":1}') },
      { name: 'index.js', data: text('exports.handler = 1;') },
    ]);
    expect(centralEntries(zip)).toEqual(
      ['b.json', 'index.js'].map((name) => ({
        name,
        madeBy: 3,
        method: 8,
        time: 12 << 11,
        date: ((2000 - 1980) << 9) | (1 << 5) | 1,
        mode: 0o100644,
      })),
    );
    expect(Object.fromEntries(Object.entries(unzipSync(zip)).map(([k, v]) => [k, new TextDecoder().decode(v)]))).toEqual({
      'b.json': '{"b":1}',
      'index.js': 'exports.handler = 1;',
    });
  });

  test('the same entries give the same bytes, whatever their order, the writer or the time zone', () => {
    const a = { name: 'a.txt', data: text('alpha '.repeat(1000)) };
    const b = { name: 'b.txt', data: text('beta') };
    const first = new DeterministicZipWriter().zip([a, b]);
    const zone = process.env['TZ'];
    try {
      process.env['TZ'] = 'Pacific/Kiritimati';
      expect(Buffer.from(new DeterministicZipWriter().zip([b, a])).equals(Buffer.from(first))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });

  test('content shared by several archives comes out the same in each (compressed once per writer)', () => {
    const writer = new DeterministicZipWriter();
    const model = { name: 'model.json', data: text(JSON.stringify({ weights: Array.from({ length: 5000 }, (_, i) => i % 97) })) };
    const one = writer.zip([{ name: 'index.js', data: text('1') }, model]);
    const two = writer.zip([{ name: 'index.js', data: text('2') }, model]);
    expect(new TextDecoder().decode(unzipSync(one)['model.json'])).toBe(new TextDecoder().decode(model.data));
    expect(unzipSync(two)['model.json']).toEqual(model.data);
    // A fresh writer compresses it again, to the same bytes.
    expect(Buffer.from(new DeterministicZipWriter().zip([{ name: 'index.js', data: text('1') }, model])).equals(Buffer.from(one))).toBe(true);
  });

  test('refuses two entries with one name', () => {
    expect(() => new DeterministicZipWriter().zip([{ name: 'x', data: text('1') }, { name: 'x', data: text('2') }])).toThrow('duplicate zip entry');
  });
});
