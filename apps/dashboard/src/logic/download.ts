/**
 * Offer text as a file download in the browser (a Blob URL clicked through a temporary link).
 * @param fileName the suggested file name
 * @param text the content
 * @param type its MIME type
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
