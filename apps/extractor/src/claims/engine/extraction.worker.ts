/** Worker thread that runs the pure extraction engine (ExtractionWorkerPool sends it articles). */
import { ArticleInput, extractArticle } from '@sitrep/extraction';
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (message: { id: number; input: ArticleInput }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: extractArticle(message.input) });
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
