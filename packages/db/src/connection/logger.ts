/** The logging shape the database layer needs (pino's Logger satisfies it). */
export interface DbLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: DbLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
