/** One figure of a benchmark run, printed with console.table and compared across runs. */
export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  note?: string;
}
