// A web-test-runner plugin for the example apps' tests: the built pages
// (examples/<name>/dist/*.html) get console-spy.js as the first thing in
// <head>. Only on the test server; the built files stay as Vite wrote them.
export function exampleConsoleSpyPlugin() {
  return {
    name: 'wegweiser-example-console-spy',
    transform(context) {
      if (!/^\/examples\/[^/]+\/dist\/[^/]*\.html$/.test(context.path) || typeof context.body !== 'string') return undefined;
      return { body: context.body.replace(/<head[^>]*>/i, (head) => `${head}<script src="/examples/test/console-spy.js"></script>`) };
    },
  };
}
