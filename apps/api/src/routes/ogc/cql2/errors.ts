// A filter that cannot be used: 400 problem+json through the app's error handler, shaped like a
// query validation failure (`errors: [{ path: '/filter', message, location: 'querystring' }]`).
// Syntax errors say where: the character offset (1-based column on the first line) in the text,
// or the JSON pointer in cql2-json.

export class FilterError extends Error {
  readonly statusCode = 400;
  readonly validationContext = 'querystring';
  readonly validation: { instancePath: string; keyword: string; message: string; params: object }[];

  constructor(message: string, parameter = 'filter') {
    super(`${parameter}: ${message}`);
    this.name = 'FilterError';
    this.validation = [{ instancePath: `/${parameter}`, keyword: 'cql2', message, params: {} }];
  }
}
