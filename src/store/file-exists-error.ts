/** A report or draft that would replace an existing file without --force. Its own module: src/cli.ts maps it to an exit code on every run, without loading the writer. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; choose another --out, or add --force to replace it`);
    this.name = 'FileExistsError';
  }
}
