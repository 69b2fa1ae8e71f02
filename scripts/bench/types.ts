/** One section of the `npm run bench` report. Each area's bench module returns one. */
export interface BenchSection {
  title: string;
  /** A small table: every row has the same keys. */
  rows: Array<Record<string, string | number>>;
  /** Targets met or missed, and anything a reader needs to interpret the rows. */
  notes: string[];
}
