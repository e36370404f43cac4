/**
 * Typst is the bench's yardstick, not a dependency: it is installed on demand, outside the
 * lockfile (its lock entries name platform packages the registry lacks, which breaks `npm ci`).
 * This declares the little of its API the bench uses, so type-checking works without it.
 */
declare module '@myriaddreamin/typst-ts-node-compiler' {
  export class NodeCompiler {
    static create(options: { workspace: string; fontArgs: { fontPaths: string[] }[] }): NodeCompiler;
    pdf(options: { mainFilePath: string; inputs: Record<string, string> }): Uint8Array;
  }
}
