/** The part of pdfmake 0.3's server API (its CommonJS entry, js/index.js) that src/report/pdf.ts uses. */
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    virtualfs: {writeFileSync(name: string, content: Buffer): void; existsSync(name: string): boolean};
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    setFonts(fonts: Record<string, {normal: string; bold: string; italics: string; bolditalics: string}>): void;
    setTableLayouts(layouts: Record<string, unknown>): void;
    createPdf(doc: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
