import { useMemo } from 'react';
import { formatAmount, formatSigned, liftTestCalibration, liftTestCalibrationNote, liftTestDates, liftTestLabel, liftTestWhere } from '@mixwise/charts';
import { liftTestDisagrees, type LiftTestCheck } from '@mixwise/engine';
import { EChart } from '../../components/EChart.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';

/**
 * Calibration with lift tests: each experiment beside the model's lift for it — what the channel's
 * spend on the test dates added through the measured dates — (chart and table, summary.json
 * `lift_tests`). Rendered only for calibrated runs.
 */
export function CalibrationSection({ tests }: { tests: readonly LiftTestCheck[] }) {
  const option = useMemo(() => liftTestCalibration(tests), [tests]);
  return (
    <Section title={`Calibration with lift tests (${tests.length})`}>
      <div className="grid-2 tight">
        <EChart name="lift-test-calibration" option={option} height={110 + 72 * tests.length} ariaLabel="Lift tests against the model" />
        <div>
          <Table testId="lift-tests" label="Lift tests against the model" rows={tests} rowKey={(t, k) => `${liftTestLabel(t)}-${k}`}
            rowClass={(t) => (liftTestDisagrees(t) ? 'flagged' : undefined)} columns={[
              { key: 'channel', header: 'Channel', cell: (t) => liftTestWhere(t) },
              { key: 'dates', header: 'Test dates', cell: (t) => liftTestDates({ start: t.start, end: t.end, measuredThrough: t.measured_through }) },
              { key: 'measured', header: 'Measured ± SE', numeric: true, cell: (t) => `${formatAmount(t.measured)} ± ${formatAmount(t.standard_error)}` },
              { key: 'model', header: 'Model', numeric: true, cell: (t) => formatAmount(t.predicted) },
              { key: 'interval', header: '90% interval', numeric: true, cell: (t) => (t.predicted_interval ? `${formatAmount(t.predicted_interval[0])} – ${formatAmount(t.predicted_interval[1])}` : '—') },
              { key: 'z', header: 'z', numeric: true, cell: (t) => formatSigned(t.z, 1) },
            ]} />
          <p className="muted small" data-testid="lift-tests-note">{liftTestCalibrationNote(tests)}</p>
        </div>
      </div>
    </Section>
  );
}
