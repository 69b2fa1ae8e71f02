/**
 * The trained model on disk, keyed by a hash of everything it was trained from (the examples,
 * the chat language, the options), so a restart with unchanged content skips training. Any
 * problem reading or writing the cache only costs a retrain: it never stops the bot.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { FeatureOptions } from './features.ts';
import { Vectoriser } from './features.ts';
import { SoftmaxModel } from './softmax.ts';

/** Where models are kept: the conventional tool cache inside the project's node_modules. */
export const DEFAULT_CACHE_DIR = join('node_modules', '.cache', 'skillbot');

/** Models kept: the newest few (content being edited, a test's copy), never an ever-growing pile. */
const KEEP = 4;

/** Bump when the file layout or the meaning of a trained model changes. */
const FORMAT = 2;
const MAGIC = 0x534b4231; // "SKB1"

export interface TrainedModel {
  vectoriser: Vectoriser;
  model: SoftmaxModel;
}

export function cacheKey(parts: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ format: FORMAT, parts }))
    .digest('hex')
    .slice(0, 32);
}

function encode({ vectoriser, model }: TrainedModel): Buffer {
  const header = Uint32Array.from([MAGIC, model.classes, vectoriser.size]);
  return Buffer.concat(
    [header, vectoriser.terms, vectoriser.idf, model.weights, model.bias].map((a) =>
      Buffer.from(a.buffer, a.byteOffset, a.byteLength),
    ),
  );
}

function decode(buffer: Buffer, options: FeatureOptions): TrainedModel | undefined {
  // Copy into a fresh, aligned buffer: typed arrays need 4-byte aligned offsets.
  const bytes = new Uint8Array(buffer).buffer;
  const [magic, classes = 0, features = 0] = new Uint32Array(bytes, 0, 3);
  const expected = 4 * (3 + features * 2 + features * classes + classes);
  if (magic !== MAGIC || bytes.byteLength !== expected) return undefined;
  let offset = 12;
  const take = <T>(make: (at: number, n: number) => T, n: number): T => {
    const array = make(offset, n);
    offset += 4 * n;
    return array;
  };
  const terms = take((at, n) => new Uint32Array(bytes, at, n), features);
  const idf = take((at, n) => new Float32Array(bytes, at, n), features);
  const weights = take((at, n) => new Float32Array(bytes, at, n), features * classes);
  const bias = take((at, n) => new Float32Array(bytes, at, n), classes);
  return { vectoriser: new Vectoriser(options, terms, idf), model: new SoftmaxModel(classes, weights, bias) };
}

export interface ModelCache {
  load(key: string, options: FeatureOptions): TrainedModel | undefined;
  save(key: string, trained: TrainedModel): void;
}

function prune(dir: string): void {
  const models = readdirSync(dir)
    .filter((name) => /^model-[0-9a-f]+\.bin$/.test(name))
    .map((name) => ({ path: join(dir, name), at: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of models.slice(KEEP)) unlinkSync(old.path);
}

export function fileCache(dir: string): ModelCache {
  const path = (key: string) => join(dir, `model-${key}.bin`);
  return {
    load(key, options) {
      try {
        return decode(readFileSync(path(key)), options);
      } catch {
        return undefined;
      }
    },
    save(key, trained) {
      try {
        mkdirSync(dir, { recursive: true });
        // Write then rename, so a second instance starting at the same time never reads half a file.
        const temporary = `${path(key)}.${process.pid}.tmp`;
        writeFileSync(temporary, encode(trained));
        renameSync(temporary, path(key));
        prune(dir);
      } catch {
        // A read-only disk only means training again next start.
      }
    },
  };
}
