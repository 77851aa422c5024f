import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

/**
 * A ZIP written as a stream with fflate: entries are added one at a time (a workbook read
 * from R2 is never held twice), JSON is deflated, workbooks are stored as they are (an
 * .xlsx is already deflated inside). Names are UTF-8 (fflate sets the flag).
 */
export interface ZipStream {
  stream: ReadableStream<Uint8Array>;
  add: (name: string, data: Uint8Array, options?: { date?: Date; compress?: boolean }) => void;
  end: () => void;
  fail: (error: unknown) => void;
}

export function zipStream(): ZipStream {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const zip = new Zip((error, chunk, final) => {
    if (error) return controller.error(error);
    controller.enqueue(chunk);
    if (final) controller.close();
  });
  return {
    stream,
    add(name, data, options = {}) {
      const entry = options.compress === false ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
      entry.mtime = options.date ?? new Date(Date.UTC(2024, 0, 1));
      zip.add(entry);
      entry.push(data, true);
    },
    end: () => zip.end(),
    fail: (error) => {
      zip.terminate();
      controller.error(error);
    },
  };
}
