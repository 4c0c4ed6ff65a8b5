/** One benchmark figure: our value, and where there is one the reference it is compared with. */
export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  note?: string;
}
