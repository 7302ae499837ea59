/// <reference types="node" />
/**
 * Reading inputs (a file, `-` for standard input, or an http(s) URL) and writing outputs. Every failure becomes a
 * one-line CliError with exit code 3 (io) that names the input.
 */
import { readFile } from 'node:fs/promises';
import { CliError, EXIT } from './errors.js';

export interface Input {
  /** What the person typed (a path, "-" or a URL): used in every message about this input. */
  name: string;
  text: string;
  /** The final URL when the input was fetched. */
  url?: string;
  /** Response headers when the input was fetched (lower-case names). */
  headers?: Record<string, string>;
}

export interface FetchOptions {
  /** Milliseconds before a request is given up. */
  timeout?: number;
  /** Largest body accepted, in bytes. */
  maxBytes?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

const DEFAULT_TIMEOUT = 30_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export function isUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

/** Text from bytes: UTF-8, or UTF-16 when the bytes start with its byte-order mark (Excel's "Unicode text"). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

export async function readInput(spec: string, options: FetchOptions = {}): Promise<Input> {
  if (isUrl(spec)) return fetchInput(spec, options);
  if (spec === '-') return { name: 'standard input', text: decodeText(await readStdin()) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new CliError(EXIT.usage, `${spec}: only files and http(s) addresses can be read.`);
  }
  try {
    return { name: spec, text: decodeText(await readFile(spec)) };
  } catch (e) {
    throw fileError(spec, e, 'read');
  }
}

/** A file-system error as one line a person understands. */
export function fileError(path: string, e: unknown, verb: 'read' | 'write'): CliError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT'
      ? verb === 'read'
        ? 'file not found'
        : 'its folder does not exist'
      : code === 'EISDIR'
        ? 'it is a folder, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOTDIR'
            ? 'a part of the path is a file, not a folder'
            : e instanceof Error
              ? e.message
              : String(e);
  return new CliError(EXIT.io, `${path}: cannot ${verb} (${why}).`);
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** GET a URL without cookies, with a timeout and a byte cap. HTTP errors and network failures are CliErrors. */
export async function fetchInput(url: string, options: FetchOptions = {}): Promise<Input> {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  let response: Response;
  try {
    response = await fetch(url, {
      signal: controller.signal,
      redirect: 'follow',
      credentials: 'omit',
      headers: { accept: 'application/json, text/csv, text/calendar, */*;q=0.5', ...options.headers },
    });
  } catch (e) {
    clearTimeout(timer);
    if (controller.signal.aborted) {
      throw new CliError(EXIT.io, `${url}: no answer within ${Math.round(timeout / 1000)} s.`);
    }
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
    throw new CliError(
      EXIT.io,
      `${url}: could not connect (${detail}).`,
      'Check the address and your connection, or save the response to a file and use that file.',
    );
  }
  try {
    if (!response.ok) {
      const what = response.status === 404 || response.status === 410 ? 'not found' : response.statusText || 'error';
      throw new CliError(EXIT.io, `${url}: the server answered ${response.status} (${what}).`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) throw tooLarge(url, maxBytes);
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (response.body) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          controller.abort();
          throw tooLarge(url, maxBytes);
        }
        chunks.push(chunk);
      }
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
    return { name: url, url: response.url || url, text: decodeText(Buffer.concat(chunks)), headers };
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (controller.signal.aborted) throw new CliError(EXIT.io, `${url}: no answer within ${Math.round(timeout / 1000)} s.`);
    throw new CliError(EXIT.io, `${url}: the download failed (${e instanceof Error ? e.message : String(e)}).`);
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(url: string, maxBytes: number): CliError {
  return new CliError(EXIT.io, `${url}: larger than ${Math.round(maxBytes / 1024 / 1024)} MB; download it and convert the file.`);
}
