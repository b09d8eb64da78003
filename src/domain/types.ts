// Shared types only: no logic lives here.

/** Character offsets [start, end) into the input text exactly as given. */
export interface Span {
  start: number;
  end: number;
}

export type MentionKind = 'skill' | 'language';

/** How a document's text was read: as given, from an HTML page, from JSON-LD or JSON Resume. */
export type InputFormat = 'text' | 'html' | 'jsonld' | 'jsonresume';

/** One recognised taxonomy phrase in a text. */
export interface Mention extends Span {
  /** Skill id, or `lang:<ISO 639-1>` for a spoken language. */
  id: string;
  name: string;
  kind: MentionKind;
  /** The original text covered by the span. */
  text: string;
  /** Part of a job title or team name ("Java Developer", "DevOps team"), not a stated skill. */
  role?: true;
}

export interface Warning {
  code: string;
  message: string;
  span?: Span;
}
