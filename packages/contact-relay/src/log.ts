/**
 * The relay's log: one line per event, never a request line, an address, a
 * user agent, a header or anything from a message.
 */
export interface Log {
  info(event: string): void;
  error(event: string): void;
}

export function createLog(level: 'info' | 'quiet', write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Log {
  const stamp = () => new Date().toISOString().slice(0, 16);
  return {
    info: (event) => {
      if (level === 'info') write(`${stamp()} ${event}`);
    },
    error: (event) => write(`${stamp()} error: ${event}`),
  };
}
