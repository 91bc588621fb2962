export { splitSentences } from './split-sentences';
