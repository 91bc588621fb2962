/** One input line of the batch interface (shared/contract/extraction.md). */
export interface ArticleInput {
  id: string;
  /** HTML or plain (possibly scraped) text. */
  raw: string;
  url?: string | null;
  /** ISO 8601 when the caller knows it; otherwise the engine finds it in the page. */
  published_at?: string | null;
  /** ISO 639-1 when the caller knows it; otherwise the engine identifies it. */
  language?: string | null;
}

/** The article after cleaning: its metadata and the body text every offset refers to. */
export interface CleanedArticle {
  title: string | null;
  author: string | null;
  /** ISO 8601 with offset, e.g. 2022-09-07T07:47:00+07:00, or null when unknown. */
  publishedAt: string | null;
  /** ISO 639-1 code, e.g. "id", "en"; "und" when it cannot be identified. */
  language: string;
  /** The cleaned body: navigation, ads, captions, share and related-article lines removed. */
  text: string;
}

/** A sentence of the cleaned text with its character offsets ([start, end) into CleanedArticle.text). */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}
