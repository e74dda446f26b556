import { describe, expect, it } from 'vitest';
import { sniffSource } from '../ingest/sniff';
import { fileSource, hashFile, hashOnce, startHashing } from './file-source';
import { dataFile } from './real-data.test-util';

/** How a file and the blobs sliced from it were read: whole (arrayBuffer calls) and streamed (bytes). */
interface Reads {
  whole: number;
  streamed: number;
}

/** A file whose reads, and its slices' reads, are counted in `reads`. */
class CountingFile extends File {
  readonly reads: Reads = { whole: 0, streamed: 0 };

  override arrayBuffer(): Promise<ArrayBuffer> {
    this.reads.whole++;
    return super.arrayBuffer();
  }

  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return counted(super.stream(), this.reads);
  }

  override slice(start?: number, end?: number): Blob {
    const reads = this.reads;
    const part = super.slice(start, end);
    return new (class extends Blob {
      override arrayBuffer = () => (reads.whole++, part.arrayBuffer());
      override stream = () => counted(part.stream(), reads);
    })([part]);
  }
}

function counted(s: ReadableStream<Uint8Array<ArrayBuffer>>, reads: Reads): ReadableStream<Uint8Array<ArrayBuffer>> {
  return s.pipeThrough(new TransformStream({ transform: (c, ctl) => ((reads.streamed += c.byteLength), ctl.enqueue(c)) }));
}

/** A shared export as a counting file, with its layout. */
async function chosen(name: string) {
  const f = dataFile(name);
  return { file: new CountingFile([await f.arrayBuffer()], name), info: sniffSource(await f.slice(0, 65_536).text()) };
}

/** Reads every record of a source; resolves to the line number of each. */
async function readLines(src: { read: ReturnType<typeof fileSource>['read'] }): Promise<number[]> {
  const lines: number[] = [];
  await src.read((b) => {
    if ('rows' in b) lines.push(...b.lines);
    else for (let r = 0; r < b.count; r++) lines.push(b.line[r] as number);
  });
  return lines;
}

describe('reading a chosen file', () => {
  it('reads it once: hashing reads it whole and the import parses those same bytes', async () => {
    const { file, info } = await chosen('rees46-2019-oct-head.csv');
    startHashing([file]);
    const src = fileSource(file, false, info);
    const lines = await readLines(src);
    expect(await src.hash()).toBe(await hashFile(dataFile(file.name)));
    expect(file.reads).toEqual({ whole: 1, streamed: 0 });
    expect(src.bytesRead()).toBe(file.size);

    // Beyond the budget the file is streamed, with the same records, and hashed apart (streamed too).
    const other = (await chosen(file.name)).file;
    startHashing([other], 0);
    const streamed = fileSource(other, false, info);
    expect(await readLines(streamed)).toEqual(lines);
    expect(await hashOnce(other)).toBe(await src.hash());
    expect(other.reads).toEqual({ whole: 0, streamed: 2 * other.size });
  });

  it('hands the bytes read whole to the first part of a file cut into parts', async () => {
    const { file, info } = await chosen('rees46-2019-oct-head.csv');
    const firstLines = async (keep: number) => {
      startHashing([file], keep);
      await hashOnce(file); // a hash streaming the file is done before the parts are read
      const { first, rest } = await (fileSource(file, false, info).split?.(3, 1) ?? Promise.reject(new Error('no split')));
      expect(rest.length).toBe(2);
      const streamed = file.reads.streamed;
      return { lines: await readLines(first), streamed: file.reads.streamed - streamed, size: rest[0]?.start };
    };
    const fromFile = await firstLines(0);
    expect(fromFile.streamed).toBe(fromFile.size);
    const kept = await firstLines(Infinity);
    expect(kept.lines).toEqual(fromFile.lines);
    expect(kept.streamed).toBe(0);
  });
});
