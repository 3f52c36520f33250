/**
 * Saving a company's Web Connector file (.qwc) from an extension page: the name comes from the
 * company, and the text (fetched by the background) is saved through a Blob link, so the token
 * never reaches the page.
 */

const FALLBACK_NAME = 'web-connector';
const MAX_NAME_CHARS = 80;

/** A file name Windows accepts (the Web Connector runs there), e.g. "Birchwood Lawn Care.qwc". */
export function qwcFileName(companyName: string): string {
  const base = companyName
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_NAME_CHARS)
    // Windows drops trailing dots and spaces, and names starting with a dot are hidden elsewhere.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base);
  return `${base && !reserved ? base : FALLBACK_NAME}.qwc`;
}

export type SaveTextFile = (text: string, fileName: string) => void;

/** Saves text as a download from the current page (a Blob link clicked once, then released). */
export const saveTextFile: SaveTextFile = (text, fileName) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser has taken the Blob's contents once the click's download started.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
};
