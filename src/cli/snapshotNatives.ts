import v8 from 'node:v8';

/*
 * Imported first by the snapshot entry, before any package. A V8 snapshot cannot hold an
 * object that wraps native memory, and some packages make one at load time: fontkit, jay-peg
 * and restructure a TextDecoder, careerpdf's glyph and character counts an Intl.Segmenter.
 * While the snapshot is built, these two classes make objects that create the real one on
 * first use (in the process started from the snapshot); once it is written, new ones are the
 * real classes again.
 */

const NativeTextDecoder = globalThis.TextDecoder;
const NativeSegmenter = Intl.Segmenter;
type TextDecoder = InstanceType<typeof NativeTextDecoder>;
const replaceable = globalThis as { TextDecoder: unknown };
const replaceableIntl = Intl as { Segmenter: unknown };

class DeferredTextDecoder {
  #args: ConstructorParameters<typeof NativeTextDecoder>;
  #decoder: TextDecoder | undefined;
  constructor(...args: ConstructorParameters<typeof NativeTextDecoder>) {
    this.#args = args;
  }
  get encoding(): string {
    return this.#native().encoding;
  }
  get fatal(): boolean {
    return this.#native().fatal;
  }
  get ignoreBOM(): boolean {
    return this.#native().ignoreBOM;
  }
  decode(...args: Parameters<TextDecoder['decode']>): string {
    return this.#native().decode(...args);
  }
  #native(): TextDecoder {
    return (this.#decoder ??= new NativeTextDecoder(...this.#args));
  }
}

class DeferredSegmenter {
  #args: ConstructorParameters<typeof Intl.Segmenter>;
  #segmenter: Intl.Segmenter | undefined;
  constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
    this.#args = args;
  }
  segment(input: string): Intl.Segments {
    return this.#native().segment(input);
  }
  resolvedOptions(): Intl.ResolvedSegmenterOptions {
    return this.#native().resolvedOptions();
  }
  #native(): Intl.Segmenter {
    return (this.#segmenter ??= new NativeSegmenter(...this.#args));
  }
}

replaceable.TextDecoder = DeferredTextDecoder;
replaceableIntl.Segmenter = DeferredSegmenter;
v8.startupSnapshot.addSerializeCallback(() => {
  replaceable.TextDecoder = NativeTextDecoder;
  replaceableIntl.Segmenter = NativeSegmenter;
});
