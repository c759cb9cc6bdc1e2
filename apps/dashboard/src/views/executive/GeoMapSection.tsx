import { useMemo } from 'react';
import { geoMap } from '@mixwise/charts';
import { api } from '../../api.ts';
import { useAsync } from '../../state/use-async.ts';
import { EChart } from '../../components/EChart.tsx';
import { Section } from '../../components/Section.tsx';

/**
 * The KPI by geography when the run was built from sources with geos (geo.json): a world map for
 * countries, bars for named geos without shapes. Nothing at all when the run has no geos (or the
 * file cannot be read: the map is an extra, never an error on the page).
 */
export function GeoMapSection({ runId }: { runId: string }) {
  const geo = useAsync(runId, api.getGeo);
  const breakdown = geo.status === 'ok' ? geo.value : null;
  const option = useMemo(() => (breakdown === null ? null : geoMap(breakdown)), [breakdown]);
  if (breakdown === null || option === null) return null;
  const kpi = breakdown.kpi.charAt(0).toUpperCase() + breakdown.kpi.slice(1);
  const per = breakdown.level === 'country' ? 'country' : 'geo';
  return (
    <Section title="By geography" testId="geo-section">
      <EChart name="geo-map" option={option} height={breakdown.level === 'country' ? 460 : Math.max(240, 28 * breakdown.rows.length + 96)}
        title={`${kpi} by ${per} (data, not modelled per ${per})`} ariaLabel={`${kpi} by ${per}`} />
    </Section>
  );
}
