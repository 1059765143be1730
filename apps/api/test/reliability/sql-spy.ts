// Records the text of every SQL statement the app sends (not its parameters), by wrapping
// pg.Client#query of the very `pg` module @atlas/db uses. A spy, not a mock: queries still run.
import { createRequire } from 'node:module';

interface QueryTarget {
  prototype: { query: (...args: unknown[]) => unknown };
}

const requireFromDb = createRequire(import.meta.resolve('@atlas/db'));
const pg = requireFromDb('pg') as { Client: QueryTarget };

export interface SqlSpy {
  texts: string[];
  restore(): void;
}

function textOf(first: unknown): string {
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && 'text' in first) return String(first.text);
  return '';
}

export function spyOnSql(): SqlSpy {
  const original = pg.Client.prototype.query;
  const texts: string[] = [];
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    texts.push(textOf(args[0]));
    return original.apply(this, args);
  };
  return {
    texts,
    restore() {
      pg.Client.prototype.query = original;
    },
  };
}
