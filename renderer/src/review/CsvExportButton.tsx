import { Button } from 'react-aria-components';
import { downloadText } from '../ui/download';

export function CsvExportButton({ fileName, csv }: { fileName: string; csv: () => string }) {
  return (
    <Button className="button" onPress={() => { downloadText(fileName, csv(), 'text/csv;charset=utf-8'); }}>
      Export CSV
    </Button>
  );
}
