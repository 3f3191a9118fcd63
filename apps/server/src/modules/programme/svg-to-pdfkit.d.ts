// svg-to-pdfkit ships no types; this is the part of its API the programme report uses.
declare module 'svg-to-pdfkit' {
  function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: { width?: number; height?: number; assumePt?: boolean; fontCallback?: () => string },
  ): void;
  export default SVGtoPDF;
}
