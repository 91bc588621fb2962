/**
 * Frequent function words per language. A vote over them settles the language of ordinary news
 * text in microseconds; tinyld (an n-gram model) is asked only when the vote is close.
 * Indonesian and Malay share most function words: they vote as one ("id") and spelling markers
 * decide between them afterwards.
 */
export const STOPWORDS: Record<string, string> = {
  en: 'the and of to in is that for was with said on as by it from has have are were which this be at an will not but its their who been',
  id: 'yang dan di dari ini itu dengan untuk pada dalam tidak akan adalah juga telah ke oleh bahwa bahawa mereka karena kerana sebagai kata sudah atau bisa boleh tersebut para saat serta',
  fr: 'le la les de des du et en un une est que qui dans pour pas sur au aux avec par il elle ont été ce cette sont mais ses leur selon',
  es: 'el la los las de del y en un una que es por para con se al lo su sus como más pero fue ha han este esta según',
  de: 'der die das und in den von zu mit ist des dem nicht sich auf für ein eine als auch es an wurde sind bei nach hat im',
  it: 'il la di che e del della in un una per non con sono è gli le dei alla anche ha da nel delle',
  pt: 'o a os as de do da dos das e em um uma que para com não por no na se mais foi ao é pelo pela',
  nl: 'de het een en van in is dat op te voor met zijn niet die aan er ook werd door naar',
  tr: 've bir bu da de için ile olarak daha çok olan gibi ancak sonra kadar',
  ru: 'и в не на что с по он как это из за к от для о его но также было был так она они уже при которые который',
  uk: 'і в не на що з до у за як це від для про його але також було був та який які вже',
  bg: 'и в не на че с по се от за да е са като това което има след',
  ar: 'في من على أن إلى التي الذي عن مع هذا هذه كان وقال بعد قبل بين',
  fa: 'و در به از که این را با است برای آن شد می یک',
  ur: 'کے کی میں سے کو اور ہے نے کا پر یہ',
};

/** Word -> languages it votes for. */
export const STOPWORD_INDEX: ReadonlyMap<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [lang, words] of Object.entries(STOPWORDS)) {
    for (const w of words.split(' ')) {
      const list = map.get(w) ?? [];
      if (!list.includes(lang)) list.push(lang);
      map.set(w, list);
    }
  }
  return map;
})();
