// MSW's own import, the baseline a test file's start is held to: `msw` and `msw/node`, as a test
// that sets up MSW loads them.
await import('msw');
await import('msw/node');
