/** One figure of a benchmark run, with the same-run baseline it is compared to. */
export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  note?: string;
}
