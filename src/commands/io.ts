/** The process as every command sees it: injected, so tests run a command without a real terminal or clock. */
export interface Io {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}
