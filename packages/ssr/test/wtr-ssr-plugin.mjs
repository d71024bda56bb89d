// A web-test-runner plugin: `executeServerCommand('ssr-render', { html, locale, now })`
// answers with the HTML @wegweiser/ssr renders in Node, for the browser tests
// of server-rendered widgets (packages/ssr/test/*.test.ts). Each call runs in
// a child process, so Lit's DOM shim never touches the test runner's globals.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('./render-cli.mjs', import.meta.url));

export function ssrPlugin() {
  return {
    name: 'wegweiser-ssr',
    async executeCommand({ command, payload }) {
      if (command !== 'ssr-render') return undefined;
      return new Promise((resolve, reject) => {
        const child = execFile(process.execPath, [cli], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
          if (error) reject(new Error(`ssr-render failed: ${stderr || error.message}`));
          else resolve(stdout);
        });
        child.stdin.end(JSON.stringify(payload));
      });
    },
  };
}
