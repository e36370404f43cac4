/** pdfkit, the PDF writer under React-PDF: careerpdf only reaches into its document class (see src/render/reusePdfFonts.ts). */
declare module 'pdfkit' {
  const PDFDocument: { prototype: object };
  export default PDFDocument;
}
