import { CompiledCommon, CompiledLexicon } from './claim-lexicon';
import { PhraseHit, Token, countWords, tokenBefore } from './pattern.compiler';
import { Attribution, HitCache, MentionView, sentenceHits } from './sentence-view';

/** A relative pronoun and a subject pronoun right before a speech verb ("that it says", "which they said"). */
const RELATIVE_SPEAKER = /(?:^|\s)(?:that|which|who)\s+((?:it|they|he|she|we)\s+)$/iu;

/** The parts of a sentence view attribution needs (its words and their matcher hits). */
export interface SentenceText {
  text: string;
  start: number;
  tokens: Token[];
  hitCache: HitCache;
}

/** A determiner right after a speech verb: its subject follows it ("a indiqué le ministère", "said the ministry"). */
const INVERTED_SUBJECT =
  /^\s+(?:le|la|les|l['’]|un|une|des|du|the|a|an|el|los|las|lo|il|gli|o|os|as|der|die|das|den|dem|ein|eine)\s?\p{L}/iu;

/** Right after "accused"/"charged": "of"/"with" (nothing between) makes it a passive. */
const PASSIVE_ACCUSE = /^\s+(?:of|with)\b/u;
// Full-width comma and semicolon close clauses in Chinese (the Japanese 、 joins list items instead).
const CLAUSE_END = /[,;،؛，；]|\s[-–—]\s/gu;
const PUNCT_GAP = /[,;.!?:()،؛，；。！？：（）]/u;

/** A particle, and perhaps the day, between a speaker and its final verb ("가 밝혔", "가 14일 밝혔"). */
const SPEAKER_DAY = /^\S{0,2}\s+\d{1,2}일\s*$/u;

function speakerGap(gap: string): boolean {
  return gap.length <= 3 || (gap.length <= 12 && SPEAKER_DAY.test(gap));
}

function inside(m: MentionView, start: number, end: number): boolean {
  return m.start >= start && m.end <= end;
}

/** Offset just after the last comma or semicolon before `pos` (brackets and quotes do not end a clause). */
function clauseStart(text: string, sStart: number, pos: number): number {
  const head = text.slice(sStart, pos);
  let last = -1;
  CLAUSE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_END.exec(head))) last = m.index + m[0].length;
  return last < 0 ? sStart : sStart + last;
}

function clauseEnd(text: string, pos: number, sEnd: number): number {
  CLAUSE_END.lastIndex = 0;
  const tail = text.slice(pos, sEnd);
  const m = CLAUSE_END.exec(tail);
  return m ? pos + m.index : sEnd;
}

/**
 * Who stands behind the statements of a sentence: "X said (that)", ", X said", "said X", "menurut X",
 * "X에 따르면", "X는 …고 밝혔다", "X accused Y of", "katanya". Marks the speakers' mentions as `attrib`.
 */
export function detectAttributions(
  text: string,
  st: SentenceText,
  sEnd: number,
  mentions: MentionView[],
  lex: CompiledLexicon,
  common: CompiledCommon,
): Attribution[] {
  const sStart = st.start;
  const out: Attribution[] = [];
  const within = (hits: PhraseHit<unknown>[], start: number, end: number) =>
    hits.some((h) => h.start >= start && h.end <= end);
  const media = sentenceHits(st, lex.media);
  const unnamed = sentenceHits(st, lex.unnamed);
  const outlets = sentenceHits(st, common.outlets);
  const mediaIn = (start: number, end: number): boolean =>
    within(media, start, end) || within(unnamed, start, end) || within(outlets, start, end);
  const complementizers = sentenceHits(st, lex.complementizers);
  const strict = sentenceHits(st, lex.strictVerbs);
  const invertibles = lex.invertibleVerbs ? sentenceHits(st, lex.invertibleVerbs) : [];
  const issuing = sentenceHits(st, lex.issuingVerbs);
  const make = (
    start: number,
    end: number,
    kind: Attribution['kind'],
    actors: MentionView[],
  ): Attribution => {
    const isMedia = mediaIn(start, end);
    // "an investigation by the Belarusian monitoring group": a demonym inside a media source is not a
    // speaker, nor a country right after a media word ("harian Jepang", "surat kabar Rusia").
    const outletCountry = (a: MentionView) =>
      a.kind === 'demonym' || media.some((h) => h.end <= a.start && a.start - h.end <= 1);
    const speakers = isMedia && actors.every(outletCountry) ? [] : actors;
    return { start, end, kind, actors: speakers, media: isMedia };
  };
  const covered = (pos: number): boolean => out.some((a) => pos >= a.start && pos < a.end);

  const pronouns = sentenceHits(st, lex.pronounSaid);
  for (const h of sentenceHits(st, lex.accordingBefore)) {
    const end = clauseEnd(text, h.end, sEnd);
    const a = make(
      h.start,
      end,
      'according',
      mentions.filter((m) => inside(m, h.end, end)),
    );
    // "menurut laporan intelijen tersebut": a report named before speaks again.
    if (!a.actors.length && pronouns.some((p) => p.start >= h.end && p.end <= end))
      out.push({ ...a, kind: 'pronoun', media: false });
    else out.push(a);
  }
  for (const h of sentenceHits(st, lex.accordingAfter)) {
    const start = clauseStart(text, sStart, h.start);
    out.push(
      make(
        start,
        h.end,
        'according',
        mentions.filter((m) => inside(m, start, h.start)),
      ),
    );
  }

  // "he said", "katanya", "the report says" first: their verb then belongs to them.
  for (const h of sentenceHits(st, lex.pronounSaid))
    if (!covered(h.start))
      out.push({ start: h.start, end: h.end, kind: 'pronoun', actors: [], media: false });

  for (const v of sentenceHits(st, lex.attributionVerbs)) {
    if (covered(v.start)) continue;
    // "is believed to", "was reported": a passive speech verb names no speaker (it marks an allegation).
    const vi = tokenBefore(st.tokens, v.start);
    if (lex.progressiveAux && vi >= 0 && lex.progressiveAux.testTokens(st.tokens, vi, Math.max(0, vi - 5)))
      continue;
    // "United States" is not "states": a verb inside an actor's name is no verb.
    if (mentions.some((m) => v.start < m.end && v.end > m.start)) continue;
    // The second half of a hyphenated word ("disebut-sebut", reportedly) is no verb of its own.
    if (text.charCodeAt(v.start - 1) === 0x2d && /[\p{L}\p{N}]/u.test(text.charAt(v.start - 2))) continue;
    // "added X to its sanctions list" is no speech: such verbs speak only before punctuation or "that".
    if (
      strict.some((h) => h.start === v.start) &&
      !/^\s*(?:[,.:;!?"“”]|$)/u.test(text.slice(v.end, sEnd)) &&
      !complementizers.some((c) => c.start >= v.end && c.start - v.end <= 2)
    )
      continue;
    const kind = v.tag === 'accuse' ? 'accuse' : 'say';
    // "… seven companies that it says procured weapons": a speech verb inside a relative clause speaks
    // from its pronoun on; the main clause before it is no part of the attribution.
    const rel = RELATIVE_SPEAKER.exec(text.slice(Math.max(sStart, v.start - 30), v.start));
    const cStart = rel ? v.start - rel[1].length : clauseStart(text, sStart, v.start);
    // "between Russia and Iran … commented": actors marked as objects of a preposition are no speakers.
    const subject = mentions.filter(
      (m) =>
        inside(m, cStart, v.start) && !m.with && !m.to && !m.from && !m.by && !m.location && !m.attribute,
    );
    // "that" of this verb: in its clause, or right after a comma that closes an aside ("kepada wartawan, bahwa").
    const comp = complementizers.find(
      (c) =>
        c.start >= v.end &&
        c.end <= Math.min(sEnd, v.end + 80) &&
        (!/[,;،]/u.test(text.slice(v.end, c.start)) || /[,;،]\s*$/u.test(text.slice(v.end, c.start))),
    );
    // "firms in China accused of shipping …": a passive accusation names the accused, not an accuser.
    if (
      kind === 'accuse' &&
      (PASSIVE_ACCUSE.test(text.slice(v.end, v.end + 6)) ||
        sentenceHits(st, lex.accusePassive).some((h) => h.start === v.start))
    ) {
      out.push({ start: v.start, end: v.end, kind, actors: [], media: false });
      continue;
    }
    if (subject.length) {
      const a = make(cStart, comp ? comp.end : v.end, kind, speakerGroup(text, subject, v.start));
      // "X announced new sanctions", "X approved the sale of": an issuing verb with its object, no "that".
      if (
        !comp &&
        issuing.some((h) => h.start === v.start) &&
        /^\s+[\p{L}\p{N}]/u.test(text.slice(v.end, v.end + 3))
      )
        a.issuing = true;
      out.push(a);
      continue;
    }
    // An accusation names the accused after it ("accusations about the use of Iranian drones").
    if (kind === 'accuse') {
      out.push({ start: v.start, end: v.end, kind, actors: [], media: false });
      continue;
    }
    // "said Sullivan", "kata Lee", "заявил представитель Белого дома", "أفادت وزارة الخزانة الأمريكية، أن".
    // "CNN reported North Korea sent …": an outlet before the verb is the speaker, not the actor after it.
    if (mediaIn(cStart, v.start)) {
      out.push(make(cStart, comp ? comp.end : v.end, kind, []));
      continue;
    }
    const stop = comp ? comp.start : clauseEnd(text, v.end, sEnd);
    // A place or a party marked by a preposition ("believed to remain in China") is no speaker.
    const after = mentions.filter(
      (m) =>
        m.start >= v.end && m.end <= Math.min(stop, v.end + 90) && !m.location && !m.to && !m.from && !m.with,
    );
    const first = after[0];
    const gap = first ? text.slice(v.end, first.start) : '';
    const invertible = !lex.invertibleVerbs || invertibles.some((h) => h.start === v.start);
    if (invertible && first && !PUNCT_GAP.test(gap) && countWords(gap) <= 10) {
      // The speaker and the names joined to it ("said White House adviser Jake Sullivan"), not the clause after.
      const group = [first];
      for (const m of after.slice(1)) {
        const g = text.slice(group[group.length - 1].end, m.start);
        if (PUNCT_GAP.test(g) || countWords(g) > 3) break;
        group.push(m);
      }
      out.push(make(v.start, comp ? comp.end : group[group.length - 1].end, kind, group));
      continue;
    }
    // "الرئيس الأوكراني فولوديمير زيلينسكي، قال", "Kirby, …, said": the speaker closes the clause before.
    const appositive = mentions.filter(
      (m) =>
        m.end <= cStart &&
        cStart - m.end <= 3 &&
        !m.with &&
        !m.to &&
        !m.from &&
        !m.by &&
        !m.location &&
        !m.conflict,
    );
    // ", a indiqué le ministère", ", dijo el portavoz": a verb put before its subject speaks for what follows.
    const inverted = invertible && INVERTED_SUBJECT.test(text.slice(v.end, v.end + 16));
    if (appositive.length && !inverted && /^\s*$/u.test(text.slice(cStart, v.start))) {
      out.push(
        make(
          appositive[0].start,
          comp ? comp.end : v.end,
          kind,
          speakerGroup(
            text,
            mentions.filter((m) => m.end <= cStart && !m.location && !m.conflict),
            cStart,
          ),
        ),
      );
      continue;
    }
    // "сообщают СМИ", "said a source": the speaker named after the verb may be a medium.
    const att = make(cStart, comp ? comp.end : v.end, kind, []);
    out.push({
      ...att,
      media: att.media || mediaIn(v.end, comp ? comp.start : clauseEnd(text, v.end, sEnd)),
    });
  }

  // Korean: "X는 … 고 밝혔다" — the speaker is the topic of a sentence that ends in a verb of saying.
  const finals = sentenceHits(st, lex.finalVerbs);
  const hasAccording = out.some((a) => a.kind === 'according');
  if (!hasAccording && finals.length && finals[finals.length - 1].end >= sEnd - 16) {
    const fv = finals[finals.length - 1];
    let topicEnd = -1;
    let speaker: MentionView | undefined;
    // "…고 국가정보원이 밝혔다": an actor right before the final verb speaks; else the topic at the start.
    const last = mentions.filter((m) => m.end <= fv.start && speakerGap(text.slice(m.end, fv.start)))[0];
    if (last) {
      topicEnd = last.end;
      speaker = last;
      out.push(make(last.start, fv.end, 'say', [last]));
    }
    for (const m of speaker ? [] : mentions) {
      // Japanese writes an office's name on after the state's, without a space: "韓国軍合同参謀本部は".
      const office =
        lex.language === 'ja' ? (OFFICE_AFTER_JA.exec(text.slice(m.end, m.end + 12))?.[0].length ?? 0) : 0;
      const n = lex.topicParticles.match(text.slice(m.end + office, m.end + office + 3));
      if (n > 0 && m.end < fv.start) {
        topicEnd = m.end + office + n;
        speaker = m;
        break;
      }
    }
    const firstTopic = /[은는]\s/u.exec(st.text);
    const topicAt = firstTopic ? sStart + firstTopic.index + 1 : -1;
    if (speaker && speaker.end > topicAt && topicAt >= 0 && fv.start - speaker.end <= 3) {
      // Already recorded as the speaker right before the final verb.
    } else if (speaker && (topicAt < 0 || topicEnd <= topicAt + 1))
      out.push(make(sStart, topicEnd, 'say', [speaker]));
    else if (topicAt > 0) {
      // "황준국 주유엔 한국 대사는": the speaker is the actor nearest the topic particle.
      const before = mentions.filter((m) => m.end <= topicAt);
      out.push(make(sStart, topicAt, 'say', before.length ? [before[before.length - 1]] : []));
    }
    out.push({ start: fv.start, end: fv.end, kind: 'say', actors: [], media: false });
  }

  for (const a of out)
    if (!a.issuing) for (const m of mentions) if (inside(m, a.start, a.end)) m.attrib = true;
  for (const a of out) if (!a.issuing) for (const m of a.actors) m.attrib = true;
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Kanji and katakana of an office's name right after a state's ("軍合同参謀本部", "外務省", "国防総省"). */
const OFFICE_AFTER_JA = /^[\p{Script=Han}\p{Script=Katakana}ー・]{1,10}(?=は)/u;

/**
 * The speakers of "X said": the actor nearest the verb and those joined to it ("Ukraina dan Amerika
 * Serikat (AS) menuduh", "Presiden AS Joe Biden mengkonfirmasi"), not every actor of the clause.
 */
function speakerGroup(text: string, subject: MentionView[], verbStart: number): MentionView[] {
  const out = [subject[subject.length - 1]];
  for (let i = subject.length - 2; i >= 0; i--) {
    const gap = text.slice(subject[i].end, out[0].start);
    if (countWords(gap) > 3 || /[,;.]/.test(gap)) break;
    out.unshift(subject[i]);
  }
  const lastGap = text.slice(out[out.length - 1].end, verbStart);
  return countWords(lastGap) > 20 ? [] : out;
}

/** The attribution that carries the most weight: one naming an actor over one that does not. */
export function mainAttribution(list: Attribution[]): Attribution | null {
  return (
    list.find((a) => a.actors.length > 0) ??
    list.find((a) => a.media) ??
    list.find((a) => a.kind === 'pronoun') ??
    list[0] ??
    null
  );
}
