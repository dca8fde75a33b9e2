// Save text the page made as a file: a Blob behind an object URL and a temporary link, so nothing goes through the
// engine or a URL the user could share (the object URL lives in this page only and is revoked once used).
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // After the click's task: the download has the URL by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
