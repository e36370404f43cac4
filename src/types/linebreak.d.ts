declare module 'linebreak' {
  /** UAX #14 line breaker: iterates the positions where a line may break. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
