import { Sentence } from '../model';

/** STUB: sentence segmentation with offsets; replaced by the text module. */
export function splitSentences(text: string, _language: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?\n]+[.!?]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].trim()) out.push({ index: out.length, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}
