// The floor every other row is compared with: node:http answering one recorded answer (status,
// headers and body bytes exactly as connkit sent them), nothing else. Run as its own process,
// like every server under test, so it does not share a core with the load generator.
//   node --import tsx bench/bare-server.ts <answer.json> <port>
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

export interface RecordedAnswer {
  status: number;
  headers: Record<string, string>;
  bodyBytes: number;
  bodyBase64: string;
}

const [file, port] = process.argv.slice(2);
const answer = JSON.parse(readFileSync(file, 'utf8')) as RecordedAnswer;
const body = Buffer.from(answer.bodyBase64, 'base64');
const headers = { ...answer.headers, 'content-length': String(body.length) };

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(answer.status, headers).end(body));
});
server.listen(Number(port), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
