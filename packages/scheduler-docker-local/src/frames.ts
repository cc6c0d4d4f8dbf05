/**
 * Docker's multiplexed stream format, decoded incrementally. Without a TTY, logs, attach and exec
 * streams are a sequence of frames: an 8-byte header (stream type, three zero bytes, payload size
 * as a big-endian uint32) and the payload. TCP and HTTP chunking cut the byte stream anywhere,
 * including inside a header, so a decoder must keep partial frames between chunks (the Buffer
 * variant in demux.ts only works on a complete answer).
 */

export type StreamKind = 'stdout' | 'stderr';

export interface Frame {
  stream: StreamKind;
  payload: Buffer;
}

const HEADER_BYTES = 8;

/** 0 is stdin (written on stdout by the engine), 1 stdout, 2 stderr, 3 the engine's own errors. */
const kindOf = (type: number): StreamKind => (type === 2 || type === 3 ? 'stderr' : 'stdout');

export class FrameDecoder {
  private pending: Buffer = Buffer.alloc(0);

  /** Feeds bytes; returns the frames completed by them, in order. */
  push(chunk: Buffer): Frame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Frame[] = [];
    let offset = 0;
    while (this.pending.length - offset >= HEADER_BYTES) {
      const size = this.pending.readUInt32BE(offset + 4);
      const end = offset + HEADER_BYTES + size;
      if (end > this.pending.length) break;
      frames.push({ stream: kindOf(this.pending[offset]!), payload: this.pending.subarray(offset + HEADER_BYTES, end) });
      offset = end;
    }
    // Copy the tail so the big buffer the frames came from is not kept alive by it.
    this.pending = offset === 0 ? this.pending : Buffer.from(this.pending.subarray(offset));
    return frames;
  }

  /** Bytes of an incomplete frame still waiting for the rest (non-zero at the end = truncated stream). */
  get buffered(): number {
    return this.pending.length;
  }
}

/**
 * Cuts a byte stream into lines. Splitting happens on bytes: `\n` never occurs inside a UTF-8
 * multi-byte sequence, so a character cut between two chunks is reassembled before decoding.
 */
export class LineSplitter {
  private partial: Buffer[] = [];

  /** Complete lines (without `\n`, and without a `\r` before it) made by these bytes. */
  push(bytes: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, start)) {
      this.partial.push(bytes.subarray(start, at));
      lines.push(stripCarriageReturn(Buffer.concat(this.partial).toString('utf8')));
      this.partial = [];
      start = at + 1;
    }
    if (start < bytes.length) this.partial.push(Buffer.from(bytes.subarray(start)));
    return lines;
  }

  /** The last line when the stream ended without a newline, else null. */
  flush(): string | null {
    if (this.partial.length === 0) return null;
    const line = Buffer.concat(this.partial).toString('utf8');
    this.partial = [];
    return line === '' ? null : stripCarriageReturn(line);
  }
}

// TTY output ends lines with CRLF.
const stripCarriageReturn = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
