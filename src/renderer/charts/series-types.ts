// A series as charts take it: pre-parsed points (x in seconds), so chart.js skips parsing.
export interface Point {
  x: number;
  y: number;
}

export interface Series {
  label: string;
  points: Point[];
  color?: string;
  dashed?: boolean;
}
