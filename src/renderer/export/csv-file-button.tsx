// A panel's small "CSV" button: asks the API for one file, saves it, and says how many rows it has.
// The run view's cgroups, fleet and heatmap panels each have one.
import { saveTextFile } from './save-text-file.ts';
import { useToast } from '../toast/toast-context.tsx';

export interface CsvFile {
  filename: string;
  csv: string;
}

export function CsvFileButton(props: { file: () => Promise<CsvFile>; title: string; testId: string }) {
  const toast = useToast();
  const save = async () => {
    const file = await props.file();
    if (await saveTextFile(file.filename, file.csv)) {
      const rows = file.csv.split('\n').filter(Boolean).length - 1;
      toast.show({ kind: 'success', message: `Saved ${file.filename} (${rows.toLocaleString()} rows).` });
    }
  };
  return (
    <button
      type="button"
      class="chart-tool"
      title={props.title}
      data-testid={props.testId}
      onClick={() => void toast.guard(save)}
    >
      CSV
    </button>
  );
}
