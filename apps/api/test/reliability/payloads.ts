// Hostile strings for every string parameter: SQL and CQL2 injection, property names and sort
// keys that are not on an allowlist, Unicode edge cases and NUL. Each carries MARKER so that a
// payload pasted into SQL text (instead of bound as a parameter) is found in the statement.
export const MARKER = 'zq9inj';

const raw: readonly string[] = [
  // SQL
  `' OR '1'='1' --${MARKER}`,
  `1; DROP TABLE programs; --${MARKER}`,
  `') UNION SELECT password_hash FROM users --${MARKER}`,
  `'; SELECT pg_sleep(5); --${MARKER}`,
  `$1 $$${MARKER}$$`,
  `${MARKER}\\'; --`,
  `%${MARKER}_%`,
  `"${MARKER}"."programs"`,
  // CQL2 (text), as a filter or inside one
  `title LIKE '%' OR 1=1 ${MARKER}`,
  `S_INTERSECTS(geom, POLYGON((0 0, 1 1, 0 0))) AND "${MARKER}" = 1`,
  `${MARKER} IN (SELECT id FROM users)`,
  // Property names and sort keys that no allowlist holds
  `password_hash,${MARKER}`,
  `-id;DROP TABLE sites;${MARKER}`,
  `title DESC, (SELECT 1) ${MARKER}`,
  `__proto__.${MARKER}`,
  `constructor[${MARKER}]`,
  // Unicode
  `\u202e${MARKER}\u202d`,
  `${MARKER}\u{1F4A3}\u0301\u0301`,
  `${MARKER}\uffff\ufeff`,
  `${MARKER}\ud800`,
  `${MARKER}${'é'.repeat(3000)}`,
  // NUL and control characters
  `${MARKER}\u0000`,
  `\u0000${MARKER}\u0000' OR 1=1`,
  `${MARKER}\r\nX-Injected: yes`,
];

export const INJECTION_PAYLOADS: readonly string[] = raw;
