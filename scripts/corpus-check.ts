import { CorpusError, loadCorpus } from '../src/rules/accuracy/corpus.js';

/** Validates the labelled corpus: every case file against the contract and the case format. */
const dir = process.argv[2] ?? 'tests/corpus';
try {
  const cases = loadCorpus(dir);
  console.log(`${cases.length} cases valid (${cases.filter((c) => c.part === 'held_back').length} held back)`);
} catch (error) {
  if (!(error instanceof CorpusError)) throw error;
  console.error(error.message);
  process.exit(1);
}
