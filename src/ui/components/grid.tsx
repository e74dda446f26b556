// The charts' background grid: horizontal lines only.
import { CartesianGrid } from 'recharts';

/** No vertical lines. Recharts would still lay out the x axis's ticks for them, measuring every label's width (~30 ms for a year of days). */
const none = (): number[] => [];

/** Light horizontal grid lines at the value axis's ticks. */
export function HorizontalGrid() {
  return <CartesianGrid stroke="#eef0f5" vertical={false} verticalCoordinatesGenerator={none} />;
}
