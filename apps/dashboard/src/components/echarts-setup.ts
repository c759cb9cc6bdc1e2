// Register only the ECharts parts the chart builders in @mixwise/charts use (keeps the bundle and
// first load small). A builder that starts using a new series or component type must add it here.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent, GeoComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent,
  TitleComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { registerWorldMap } from '@mixwise/charts';

echarts.use([
  BarChart, HeatmapChart, LineChart, MapChart, ScatterChart,
  DataZoomComponent, GeoComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent,
  TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer,
]);
// The world's country shapes (bundled from world-atlas), for the geography map (geoMap, series type 'map').
registerWorldMap(echarts);

export { echarts };
