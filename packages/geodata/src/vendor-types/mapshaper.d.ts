// mapshaper ships no type declarations; this covers the one function the build script uses.
declare module 'mapshaper' {
  const mapshaper: {
    /** Runs a mapshaper command string on in-memory inputs, keyed by the file names it uses. */
    applyCommands(
      commands: string,
      inputs?: Record<string, string | object>,
    ): Promise<Record<string, string | Uint8Array>>;
  };
  export default mapshaper;
}
