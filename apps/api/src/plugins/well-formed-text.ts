// Text must be well-formed Unicode: a JSON body may carry an unpaired UTF-16 surrogate
// ("\ud800"), which cannot be stored as UTF-8 and would silently come back as U+FFFD. Such a
// body is refused with 400 before validation, so what is stored is always what was sent.
import fp from 'fastify-plugin';
import { BadInputError } from '../registry';

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The JSON pointer of the first string (or key) with an unpaired surrogate, if any. */
export function illFormedTextPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return UNPAIRED_SURROGATE.test(value) ? path || '/' : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = illFormedTextPath(item, `${path}/${index}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  // Only parsed JSON is walked: a raw upload (Buffer, stream) is not text to check here, and
  // walking a 100 MB Buffer key by key would exhaust the heap.
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const here = `${path}/${key}`;
      if (UNPAIRED_SURROGATE.test(key)) return here;
      const found = illFormedTextPath(item, here);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

export default fp(
  (app, _opts, done) => {
    app.addHook('preValidation', (request, _reply, next) => {
      const path = illFormedTextPath(request.body);
      if (path === undefined) {
        next();
        return;
      }
      next(new BadInputError([{ path, message: 'contains an unpaired UTF-16 surrogate' }]));
    });
    done();
  },
  { name: 'well-formed-text' },
);
