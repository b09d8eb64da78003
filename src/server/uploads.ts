// Multipart files with their names. The multipart plugin gives a route a form's files as bare
// buffers; a batch names each résumé by its file's name and reads it by its type, so the names
// are kept here, per request, as the files arrive. A route that takes a form of its own shape
// (several files, lists) says how to turn the fields and files into its JSON body, which is then
// validated like any JSON body (with the form's text read as numbers and booleans).

import type { FastifyRequest } from 'fastify';

/** A form's file as it arrived: its field, its file name, its bytes. */
export interface Upload {
  field: string;
  filename: string;
  bytes: Buffer;
}

/** Turns a form (its text fields, and its files in order) into the route's JSON body. */
export type FormBody = (fields: Record<string, unknown>, files: Upload[]) => unknown;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** For a route taking a form of its own shape: how its fields and files become the body. */
    formBody?: FormBody;
  }
}

export interface Uploads {
  /** The multipart plugin's onFile: reads the file and notes its name. */
  onFile(req: FastifyRequest, part: { fieldname: string; filename: string; toBuffer(): Promise<Buffer> }): Promise<void>;
  /** The body a form's route takes: its own shape when it has one, else the fields as they are. */
  body(req: FastifyRequest): unknown;
}

export function createUploads(): Uploads {
  // Keyed by request, so nothing outlives it.
  const files = new WeakMap<FastifyRequest, Upload[]>();
  return {
    async onFile(req, part) {
      const bytes = await part.toBuffer();
      let list = files.get(req);
      if (!list) files.set(req, (list = []));
      list.push({ field: part.fieldname, filename: part.filename, bytes });
    },
    body(req) {
      const shape = req.routeOptions.config.formBody;
      if (!shape) return req.body;
      // The plugin's key-value body holds the files as buffers too: only the text fields are passed on.
      const fields = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).filter(([, v]) => !Buffer.isBuffer(v) && !(Array.isArray(v) && v.some((x) => Buffer.isBuffer(x)))));
      return shape(fields, files.get(req) ?? []);
    },
  };
}
