import { Button } from 'react-aria-components';

/** Saves text as a file through the browser's own download: a Blob and an anchor with `download`. */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the Blob to the download; the URL is not needed after this turn.
  setTimeout(() => { URL.revokeObjectURL(url); }, 0);
}

export function CsvExportButton({ fileName, csv }: { fileName: string; csv: () => string }) {
  return (
    <Button className="button" onPress={() => { downloadText(fileName, csv()); }}>
      Export CSV
    </Button>
  );
}
