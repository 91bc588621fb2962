const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/**
 * Abbreviations that end in a full stop, by how the sentence splitter treats them (lower case).
 * NAME_ABBREVIATIONS never end a sentence (titles, ranks, months, days, numbering); ABBREVIATIONS
 * may, so the splitter joins after them unless a typical sentence opener follows.
 */
export const NAME_ABBREVIATIONS = words(`
  mr. mrs. ms. dr. prof. gen. lt. col. maj. capt. cmdr. adm. sgt. gov. sen. rep. rev. st. sr. jr. pres. amb. hon. brig.
  lt.gen. maj.gen.
  jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. mon. tue. tues. wed. thu. thur. thurs. fri. sat. sun.
  no. nos. nr. art. vol. p. pp. para. fig. ch. sec.
  bpk. ir. drs. dra. h. hj. kh. a.n. u.p. jl. jln. kec. kab. prov. yth. sdr. sdri. tn. ny. nn. letjen. mayjen. brigjen.
  kol. kapt.
  m. mme. mlle. sra. srta. hr. fr. frau. г. гг. им. ул. т. тов.
`);

// Abbreviations usually followed by a proper noun ("U.S. Central Command"). List enders ("etc.",
// "dll.", "dsb.", "usw.", "т.д.") are left out on purpose: before a capital they do end the sentence,
// and ICU never splits before a lower-case word anyway.
export const ABBREVIATIONS = words(`
  u.s. u.k. u.n. e.u. u.s.a. d.c. n.y. l.a. a.m. p.m. vs. inc. ltd. co. corp. approx. e.g. i.e. cf. al.
  pt. tbk. cv. ee.uu. z.b. d.h. ca. env. av.
`);

/** Words that typically open a sentence; after "U.S." they mean the sentence did end. */
export const SENTENCE_STARTERS = words(`
  the a an it he she they we i you this that these those there in on at but and or so yet however meanwhile while
  when after before if as since his her their its our some many most all no not
  ini itu dia ia mereka kami kita namun tetapi sementara sedangkan di pada dalam selain menurut hal sebelumnya
  kemudian saat ketika untuk dan
`);
