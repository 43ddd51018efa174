/**
 * `clarion preview`: serves the output folder on 127.0.0.1 only, rebuilds on every change (watch
 * mode), and reloads open pages when a build finishes. Pages get an error panel with file, line
 * and column while a statement has errors; it disappears when they are fixed.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BuildOptions, BuildResult } from '../build/index.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { startWatching } from '../build/watch.ts';
import { outputPath } from '../write/output-path.ts';
import { errorPanel, proofIndex, proofPage } from './proof-page.ts';

export interface Preview {
  url: string;
  /** Resolves when the build that follows the latest change has finished. */
  settled(): Promise<unknown>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

const LIVE_RELOAD = `<script>new EventSource('/__clarion/events').addEventListener('reload', () => location.reload());</script>`;

export async function startPreview(root: string, options: BuildOptions & { port?: number; onBuild?: (result: BuildResult, ms: number) => void }): Promise<Preview> {
  const outDir = path.resolve(root, options.out);
  let diagnostics: Diagnostic[] = [];
  let statements: { folder: string; title: string; file: string }[] = [];
  const clients = new Set<ServerResponse>();
  const watcher = startWatching(root, options, (result, ms) => {
    diagnostics = result.diagnostics;
    statements = result.published;
    options.onBuild?.(result, ms);
    for (const client of clients) client.write('event: reload\ndata: {}\n\n');
  });
  await watcher.settled();

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const pathname = decodeURIComponent(url.pathname);
      if (pathname === '/__clarion/events') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        response.write(': connected\n\n');
        clients.add(response);
        request.on('close', () => clients.delete(response));
        return;
      }
      if (pathname === '/__clarion/errors') return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(diagnostics));
      if (pathname === '/__clarion/' || pathname === '/__clarion') return sendHtml(response, proofIndex(statements));
      const proof = /^\/__clarion\/proof\/([a-z0-9-]+(?:\/[A-Za-z0-9-]+)?)\/?$/.exec(pathname);
      if (proof) {
        const folder = proof[1]!;
        const slug = folder.split('/')[0]!;
        const text = await readFile(path.join(outDir, folder, `${slug}.txt`), 'utf8').catch(() => undefined);
        const hasPdf = await stat(path.join(outDir, folder, `${slug}.pdf`)).then(() => true, () => false);
        const page = await readFile(path.join(outDir, folder, 'index.html'), 'utf8').catch(() => '');
        const title = /<h1>([\s\S]*?)<\/h1>/.exec(page)?.[1] ?? slug;
        const wordCount = /<p class="word-count">([\s\S]*?)<\/p>/.exec(page)?.[1];
        const notice = /<p class="draft-banner" role="note">([\s\S]*?)<\/p>/.exec(page)?.[1];
        return sendHtml(response, proofPage({ folder, slug, title: title.replace(/<[^>]*>/g, ''), hasPdf, ...(text !== undefined ? { text } : {}), ...(wordCount ? { wordCount } : {}), ...(notice ? { notice } : {}) }));
      }
      let file = outputPath(outDir, pathname.replace(/^\/+/, '') || 'index.html');
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) file = path.join(file, 'index.html');
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/html')) {
        const html = await readFile(file, 'utf8').catch(() => undefined);
        if (html === undefined) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
        return sendHtml(response, html);
      }
      const exists = await stat(file).then((s) => s.isFile(), () => false);
      if (!exists) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      createReadStream(file).pipe(response);
    } catch {
      send(response, 400, 'text/plain; charset=utf-8', 'Bad request');
    }
  });
  const sendHtml = (response: ServerResponse, html: string) => {
    // The preview adds its live-reload script and error panel to what it serves, never to the files.
    const withPanel = html.replace(/<body([^>]*)>/, (m) => `${m}${errorPanel(diagnostics)}`);
    send(response, 200, 'text/html; charset=utf-8', withPanel.includes('</body>') ? withPanel.replace('</body>', `${LIVE_RELOAD}</body>`) : withPanel + LIVE_RELOAD);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    settled: () => watcher.settled(),
    async close() {
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await watcher.close();
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}
