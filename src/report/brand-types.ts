/**
 * The consultant's brand (issue 11): applied to the HTML and PDF reports. Pure data;
 * loading and validating a brand file (--brand FILE, or brand.yaml in the user's
 * config folder) is src/report/brand.ts's job.
 */
export interface BrandLogo {
  /** Only these two: a logo that is not a PNG or an SVG is refused when the file is read. */
  mime: 'image/png' | 'image/svg+xml';
  /** The image bytes, base64. */
  base64: string;
  /** The file as the user named it, for messages. */
  file: string;
}

export interface Brand {
  /** The consultancy or the person: "Northwind Advisory". */
  name: string;
  logo?: BrandLogo;
  /** The accent colour, "#rrggbb". */
  accent?: string;
  /** One line: e-mail, phone, web address. */
  contact?: string;
  /** The footer disclaimer, one short paragraph. */
  disclaimer?: string;
}
